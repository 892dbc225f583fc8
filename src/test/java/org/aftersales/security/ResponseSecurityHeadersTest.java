package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which answers get HSTS, nosniff and no-store, with and without the TLS switch. */
class ResponseSecurityHeadersTest {

  @Test
  void hstsWhenTheSwitchIsOnOrTheRequestCameOverHttps() throws Exception {
    assertThat(filter(false, request("/camunda/app/tasklist/", false)).getHeader("Strict-Transport-Security"))
        .isNull();
    assertThat(filter(true, request("/camunda/app/tasklist/", false)).getHeader("Strict-Transport-Security"))
        .isEqualTo(ResponseSecurityHeaders.HSTS);
    // Behind the proxy: X-Forwarded-Proto https makes the request secure (server.forward-headers-strategy).
    assertThat(filter(false, request("/api/cases", true)).getHeader("Strict-Transport-Security"))
        .isEqualTo(ResponseSecurityHeaders.HSTS);
  }

  @Test
  void apiAnswersAreNotSniffedNorStoredAndStaySingleValued() throws Exception {
    var request = request("/api/cases/AS-2026-000001/attachments/1", false);
    var response = new MockHttpServletResponse();
    new ResponseSecurityHeaders(false).doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
        // As a controller's ResponseEntity writes its own nosniff.
        ((jakarta.servlet.http.HttpServletResponse) res).addHeader("X-Content-Type-Options", "nosniff");
      }
    });
    assertThat(response.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(response.getHeaders("Cache-Control")).containsExactly("no-store");

    var page = filter(false, request("/camunda/app/cockpit/", false));
    assertThat(page.getHeader("Cache-Control")).isNull();
  }

  private static MockHttpServletRequest request(String path, boolean secure) {
    var request = new MockHttpServletRequest("GET", path);
    request.setServletPath(path);
    request.setSecure(secure);
    return request;
  }

  private static MockHttpServletResponse filter(boolean tls, MockHttpServletRequest request) throws Exception {
    var response = new MockHttpServletResponse();
    new ResponseSecurityHeaders(tls).doFilter(request, response, new MockFilterChain());
    return response;
  }
}
