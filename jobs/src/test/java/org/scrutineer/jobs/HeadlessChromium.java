package org.scrutineer.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket on loopback, with the JDK's own
 * client): opens a page at a given viewport, records every console error, uncaught exception, log
 * error and failed or non-local request, evaluates script in the page and takes full-page
 * screenshots. Tests skip when no Chromium is installed ({@link #find}).
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  /** The Chromium executable on the path, or {@code null}. */
  static String find() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }

  HeadlessChromium(String executable) throws Exception {
    profile = Files.createTempDirectory("scrutineer-chromium");
    process =
        new ProcessBuilder(
                executable,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectErrorStream(true)
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String browserUrl = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browserUrl = m.group(1);
        break;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    if (browserUrl == null) {
      process.destroyForcibly();
      throw new IOException("Chromium did not start (no DevTools address)");
    }
    // Drain the rest of the output so Chromium never blocks on a full pipe.
    Thread drain =
        new Thread(
            () -> {
              try {
                while (lines.readLine() != null) {
                  // discarded
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://" + browser.getHost() + ":" + browser.getPort() + "/json/new"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String pageUrl = JSON.readTree(created.body()).path("webSocketDebuggerUrl").asText();
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(pageUrl), new Listener())
            .get(30, TimeUnit.SECONDS);
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      call(domain + ".enable", JSON.createObjectNode());
    }
  }

  /** Problems seen since the last {@link #open}: console errors, exceptions, failed requests. */
  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  /** Opens a file at a viewport width and waits for it to load. */
  void open(Path file, int width, int height, boolean mobile) throws Exception {
    problems.clear();
    ObjectNode metrics = JSON.createObjectNode();
    metrics.put("width", width).put("height", height).put("deviceScaleFactor", 1);
    metrics.put("mobile", mobile);
    call("Emulation.setDeviceMetricsOverride", metrics);
    loaded = new CompletableFuture<>();
    ObjectNode navigate = JSON.createObjectNode();
    navigate.put("url", file.toUri().toString());
    JsonNode result = call("Page.navigate", navigate);
    if (result.hasNonNull("errorText")) {
      problems.add("navigation: " + result.path("errorText").asText());
    }
    loaded.get(60, TimeUnit.SECONDS);
  }

  /** Evaluates an expression in the page and returns its value (JSON). */
  JsonNode evaluate(String expression) throws Exception {
    ObjectNode params = JSON.createObjectNode();
    params.put("expression", expression).put("returnByValue", true);
    JsonNode result = call("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("Script failed: " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Saves a screenshot of the whole page as PNG. */
  void screenshot(Path file) throws Exception {
    ObjectNode params = JSON.createObjectNode();
    params.put("format", "png").put("captureBeyondViewport", true);
    JsonNode layout = call("Page.getLayoutMetrics", JSON.createObjectNode());
    JsonNode size = layout.path("cssContentSize");
    ObjectNode clip = params.putObject("clip");
    clip.put("x", 0).put("y", 0).put("scale", 1);
    clip.put("width", size.path("width").asDouble());
    clip.put("height", Math.min(16000, size.path("height").asDouble()));
    JsonNode shot = call("Page.captureScreenshot", params);
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id).put("method", method).set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode answer = reply.get(60, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.path("error"));
    }
    return answer.path("result");
  }

  private void event(JsonNode message) {
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    switch (method) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Runtime.exceptionThrown" ->
          problems.add("exception: " + params.path("exceptionDetails").path("text").asText());
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
          problems.add("console " + type + ": " + params.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        String level = params.path("entry").path("level").asText();
        if (level.equals("error") || level.equals("warning")) {
          problems.add("log " + level + ": " + params.path("entry").path("text").asText());
        }
      }
      case "Network.requestWillBeSent" -> {
        String url = params.path("request").path("url").asText();
        if (!url.startsWith("file:") && !url.startsWith("data:") && !url.equals("about:blank")) {
          problems.add("network request: " + url);
        }
      }
      case "Network.loadingFailed" ->
          problems.add("failed resource: " + params.path("errorText").asText());
      default -> {
        // other events are not needed
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // closing anyway
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (var walk = Files.walk(profile)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          } else {
            event(message);
          }
        } catch (IOException e) {
          problems.add("unreadable DevTools message: " + e.getMessage());
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
