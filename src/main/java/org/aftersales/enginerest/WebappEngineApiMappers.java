package org.aftersales.enginerest;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The webapps' engine API ({@code /camunda/api/engine}, what Cockpit and Tasklist call) is
 * engine-rest again, in a Jersey application of the webapps with a fixed class list that we
 * cannot extend. Jersey offers every application to the auto-discoverables listed in
 * {@code META-INF/services}; this one adds our exception mappers to engine-rest applications that
 * lack them (our own {@code /engine-rest} registers them itself), and to every application the answer
 * for a directory that cannot answer ({@link DirectoryUnavailableMapper}).
 */
public class WebappEngineApiMappers implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    Configuration configuration = context.getConfiguration();
    if (!configuration.isRegistered(DirectoryUnavailableMapper.class)) {
      // Every application, the webapps' login (in Admin's application) among them.
      context.register(DirectoryUnavailableMapper.class);
    }
    if (configuration.getClasses().contains(NamedProcessEngineRestServiceImpl.class)
        && !configuration.isRegistered(EngineRestExceptionMapper.ForThrowable.class)) {
      context.register(EngineRestExceptionMapper.ForThrowable.class);
      context.register(EngineRestExceptionMapper.ForProcessEngineException.class);
      context.register(EngineRestExceptionMapper.ForRestException.class);
    }
  }
}
