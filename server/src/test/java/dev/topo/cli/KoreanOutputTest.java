package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.KoreanText;
import dev.topo.TestFiles;
import dev.topo.check.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topo check} in Korean: with {@code --lang ko}, or {@code LANG=ko_KR.UTF-8} without it,
 * messages, notes and the summary line are Korean, while what must not change with the
 * language (baseline keys) stays the same.
 */
class KoreanOutputTest {
  @TempDir
  Path dir;

  @Test
  void theScanFindsEnglish() {
    Set<String> ids = KoreanText.ids();
    assertEquals(List.of("runs", "but", "its", "runs"),
        KoreanText.english("container 'c' runs linux but its host 'h' runs a windows kernel", ids));
    assertTrue(KoreanText.english("openjdk \"11\" has 4 GiB: it can starve its neighbours", ids).containsAll(List.of("starve", "neighbours")));
    assertEquals(List.of(), KoreanText.english("'web' 컨테이너의 OS는 Linux입니다. 메모리 512Mi, JDK 1.8.0_292, -Xmx, os=linux", ids));
  }

  @Test
  void checkOnTheSamplesPrintsNoEnglishMessage() {
    Cli cli = Cli.run("check", "--lang", "ko", "--format", "json", "--root", TestFiles.samples().toString(),
        TestFiles.samples().toString());
    Set<String> ids = KoreanText.ids();
    List<String> english = new ArrayList<>();
    int checked = 0;
    for (JsonElement e : JsonParser.parseString(cli.out()).getAsJsonArray()) {
      List<String> messages = new ArrayList<>(List.of(e.getAsJsonObject().get("message").getAsString()));
      e.getAsJsonObject().getAsJsonArray("related").forEach(r -> messages.add(r.getAsJsonObject().get("message").getAsString()));
      for (String message : messages) {
        checked++;
        List<String> words = KoreanText.english(message, ids);
        if (!words.isEmpty()) {
          english.add(words + " in: " + message);
        }
      }
    }
    assertTrue(checked > 50, "only " + checked + " messages checked");
    assertEquals(List.of(), english);
  }

  private Cli check(Terminal terminal, String... args) throws IOException {
    Files.writeString(dir.resolve("a.topo"), "host a { os linux; runtime docker; container c { os windows } }");
    List<String> all = new ArrayList<>(List.of("check", "--root", dir.toString()));
    all.addAll(List.of(args));
    all.add("a.topo");
    return Cli.runOn(terminal, dir, all.toArray(String[]::new));
  }

  @Test
  void theEnvironmentsLocaleChoosesTheLanguageWhenLangIsNotGiven() throws IOException {
    Terminal korean = new Terminal(false, Map.of("LANG", "ko_KR.UTF-8"));
    Cli cli = check(korean);
    assertTrue(cli.out().endsWith("\n파일 1개에서 오류 1건, 경고 2건\n"), cli.out());
    assertTrue(check(korean, "--lang", "en").out().endsWith("1 error and 2 warnings in 1 file\n"));
    // LC_ALL comes before LANG, as POSIX orders them.
    assertTrue(check(new Terminal(false, Map.of("LANG", "ko_KR.UTF-8", "LC_ALL", "C"))).out()
        .endsWith("1 error and 2 warnings in 1 file\n"));
    assertTrue(check(Terminal.NONE, "--lang", "ko").out().contains("'c' 컨테이너의 OS는 Windows입니다."));
  }

  @Test
  void aBaselineWrittenInEnglishMatchesInKorean() throws IOException {
    Cli written = check(Terminal.NONE, "--lang", "en", "--write-baseline", "baseline.json");
    assertEquals(Main.CLEAN, written.code(), written.err());
    Cli korean = check(Terminal.NONE, "--lang", "ko", "--baseline", "baseline.json");
    assertEquals(Main.CLEAN, korean.code(), korean.out());
    assertEquals("파일 1개에서 문제를 찾지 못했습니다\n", korean.out());
    assertEquals("", korean.err(), "no stale entry");
  }

  @Test
  void commonErrorsAreKoreanToo() throws IOException {
    Cli format = check(Terminal.NONE, "--lang", "ko", "--format", "xml");
    CheckCommandTest.assertOneLineError(format, "topo: --format에는 text, json, sarif, github, junit, checkstyle, gitlab"
        + " 중 하나를 쓸 수 있습니다('xml'은(는) 쓸 수 없습니다)");
    Cli missing = Cli.runOn(new Terminal(false, Map.of("LANG", "ko_KR.UTF-8")), dir, "check", "nowhere.topo");
    CheckCommandTest.assertOneLineError(missing, "topo: 파일이나 디렉터리가 없습니다: nowhere.topo");
    CheckCommandTest.assertOneLineError(check(Terminal.NONE, "--lang", "fr"), "topo: --lang takes en or ko, not 'fr'");
  }

  @Test
  void explainsTrailerAndListHeadingsAreKorean() {
    Cli rule = Cli.run("explain", "--lang", "ko", "--markdown", "missing-limits");
    assertTrue(rule.out().endsWith("규칙 ID는 missing-limits, 기본 심각도는 warning입니다. .topo.json에서 바꾸거나"
        + " // topo-ignore missing-limits 주석으로 끌 수 있습니다.\n"), rule.out());
    Cli list = Cli.run("explain", "--lang", "ko", "--list");
    assertTrue(list.out().startsWith("규칙:\n"), list.out());
    assertTrue(list.out().contains("\n개념:\n"), list.out());
  }

  /** A rule's title and summary as users see them, in SARIF and {@code explain --list}: Korean, under a stable id. */
  @Test
  void rulesAreTitledInKoreanUnderTheirIds() {
    Cli cli = Cli.run("check", "--lang", "ko", "--format", "sarif", "--root", TestFiles.samples().toString(),
        TestFiles.samples().toString());
    JsonArray rules = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject()
        .getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    List<String> ids = new ArrayList<>();
    for (JsonElement rule : rules) {
      JsonObject r = rule.getAsJsonObject();
      ids.add(r.get("id").getAsString());
      assertTrue(HANGUL.matcher(r.get("name").getAsString()).find(), r.toString());
      assertTrue(HANGUL.matcher(r.getAsJsonObject("shortDescription").get("text").getAsString()).find(), r.toString());
    }
    assertEquals(Rules.ids(), ids);
    List<String> listed = Cli.run("explain", "--lang", "ko", "--list").out().lines()
        .filter(l -> l.startsWith("  ")).toList();
    assertTrue(listed.size() > Rules.ids().size(), listed.toString());
    listed.forEach(l -> assertTrue(HANGUL.matcher(l).find(), l));
  }

  static final java.util.regex.Pattern HANGUL = java.util.regex.Pattern.compile("[\\uAC00-\\uD7A3]");
}
