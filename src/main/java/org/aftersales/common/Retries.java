package org.aftersales.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a transactional call again when a concurrent one changed the same rows first (the
 * same callback delivered twice at once): the second attempt sees the first's result.
 */
public final class Retries {

  private static final int ATTEMPTS = 3;

  private Retries() {
  }

  public static <T> T onConcurrentUpdate(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (OptimisticLockingException | OptimisticLockingFailureException
               | DataIntegrityViolationException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
