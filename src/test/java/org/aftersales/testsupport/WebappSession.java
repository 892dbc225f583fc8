package org.aftersales.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser's session with the webapps: session login to one app, cookies and the CSRF header. */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final int port;
  private final String language;
  private String token;

  /** A browser whose language is English (en-US), as the browser tests' pages are. */
  public WebappSession(int port) {
    this(port, "en-US,en;q=0.9");
  }

  /** A browser that asks for {@code acceptLanguage} (its Accept-Language header, e.g. {@code zh-CN,zh;q=0.9}). */
  public WebappSession(int port, String acceptLanguage) {
    this.port = port;
    this.language = acceptLanguage;
  }

  /** Logs in to {@code app} (cockpit, tasklist, admin) as the webapp's login form does; the login's status. */
  public int login(String app, String user, String password) {
    return loginResponse(app, user, password).statusCode();
  }

  /** The login's whole answer, as {@link #login} sends it. */
  public HttpResponse<String> loginResponse(String app, String user, String password) {
    send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET());
    var login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    // The login starts a new session: fetch its CSRF token as the webapps do.
    var fetched = send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/"))
        .header("X-XSRF-TOKEN", "Fetch").GET());
    fetched.headers().firstValue("X-XSRF-TOKEN").ifPresent(value -> this.token = value);
    return login;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
  }

  public HttpResponse<String> postJson(String path, String body) {
    return send(withCsrf(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A change sent without the CSRF header, as a forged cross-site request would come. */
  public HttpResponse<String> postWithoutCsrf(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> putJson(String path, String body) {
    return send(withCsrf(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> delete(String path) {
    return send(withCsrf(path).DELETE());
  }

  /** The session's cookies as a Cookie header, for requests java.net.http cannot send (malformed URLs). */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .reduce((a, b) -> a + "; " + b).orElse("");
  }

  private HttpRequest.Builder withCsrf(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").header("X-XSRF-TOKEN", csrf());
  }

  private String csrf() {
    if (token != null) {
      return token;
    }
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    request.header("Accept-Language", language);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
