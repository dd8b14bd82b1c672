package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Korean is never lost to '?' where the platform's encoding cannot write it. */
class OutputCharsetTest {
  @Test
  void thePlatformsEncodingIsKeptOnlyWhereItCanWriteTheLanguage() {
    Charset ascii = StandardCharsets.US_ASCII;
    assertEquals(StandardCharsets.UTF_8, OutputCharset.of(ascii, "ko"));
    assertEquals(StandardCharsets.UTF_8, OutputCharset.of(ascii, "en"), "not even the middle dot");
    assertEquals(StandardCharsets.ISO_8859_1, OutputCharset.of(StandardCharsets.ISO_8859_1, "en"));
    assertEquals(StandardCharsets.UTF_8, OutputCharset.of(StandardCharsets.ISO_8859_1, "ko"));
    Charset korean = Charset.forName("x-windows-949"); // a Korean Windows console: it reads this, not UTF-8
    assertEquals(korean, OutputCharset.of(korean, "ko"));
  }

  @Test
  void theLanguageIsReadBeforeTheCommandLineIsParsed() {
    Terminal korean = new Terminal(false, Map.of("LANG", "ko_KR.UTF-8"));
    assertEquals("ko", OutputCharset.language(new String[] {"check", "x.topo"}, korean));
    assertEquals("en", OutputCharset.language(new String[] {"check", "--lang", "en"}, korean));
    assertEquals("ko", OutputCharset.language(new String[] {"check", "--lang=ko"}, Terminal.NONE));
    assertEquals("ko", OutputCharset.language(new String[] {"check", "--lang", "fr"}, korean), "parsing says what is wrong");
  }

  /**
   * A JVM as Java 17 starts where LANG names a locale the machine lacks: its encodings are
   * ASCII. The Korean it prints must still arrive, as UTF-8.
   */
  @Test
  void aMissingKoreanLocaleStillPrintsKorean() throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=ANSI_X3.4-1968", "-Dsun.stdout.encoding=ANSI_X3.4-1968", "-Dsun.stderr.encoding=ANSI_X3.4-1968",
        "-Dnative.encoding=ANSI_X3.4-1968", "-cp", System.getProperty("java.class.path"), "dev.topo.cli.Main",
        "explain", "--list"));
    builder.environment().remove("LC_ALL");
    builder.environment().remove("LC_MESSAGES");
    builder.environment().put("LANG", "ko_KR.UTF-8");
    Process explain = builder.redirectErrorStream(true).start();
    byte[] out = explain.getInputStream().readAllBytes();
    assertTrue(explain.waitFor(60, TimeUnit.SECONDS), "explain did not end");
    String said = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, explain.exitValue(), said);
    assertTrue(said.startsWith("규칙:\n"), said);
    assertTrue(said.contains("\n개념:\n") && !said.contains("?"), said);
  }
}
