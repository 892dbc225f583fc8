package org.aftersales.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.0 client whose connections leave from a chosen loopback address (127.0.k.1), so that
 * nginx's {@code ip_hash} sees several client addresses on one machine. {@code ip_hash} keys on the
 * first three octets, hence one address per third octet. java.net.http cannot bind a local address
 * on Java 17; one request per connection is all the load test needs.
 */
final class SourceBoundHttp {

  /** An answer; status -1 when the connection failed (the text says how). */
  record Answer(int status, Map<String, String> headers, String body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The node that answered, as the test's nginx reports it (X-Upstream), or "?" for none. */
    String upstream() {
      String upstream = header("X-Upstream");
      return upstream == null || upstream.isBlank() ? "?" : upstream;
    }
  }

  private final String source;
  private final int port;

  SourceBoundHttp(String source, int port) {
    this.source = source;
    this.port = port;
  }

  String source() {
    return source;
  }

  Answer get(String path, String user, String password) {
    return send("GET", path, user, password, null);
  }

  Answer post(String path, String json, String user, String password) {
    return send("POST", path, user, password, json);
  }

  Answer put(String path, String json, String user, String password) {
    return send("PUT", path, user, password, json);
  }

  Answer send(String method, String path, String user, String password, String json) {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.0\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Accept: application/json\r\n");
    if (user != null) {
      head.append("Authorization: Basic ").append(Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }
    if (json != null) {
      head.append("Content-Type: application/json; charset=UTF-8\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(150_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      return new Answer(-1, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Answer parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      return new Answer(-1, Map.of(), "incomplete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int position = 0;
    while (position < body.length) {
      int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, position, body.length), new byte[] {'\r', '\n'});
      if (lineEnd < 0) {
        break;
      }
      String size = new String(body, position, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      int start = position + lineEnd + 2;
      out.write(body, start, Math.min(length, body.length - start));
      position = start + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
