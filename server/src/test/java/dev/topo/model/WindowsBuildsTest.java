package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsBuildsTest {
  @ParameterizedTest
  @CsvSource({
      "2016, 14393", "ltsc2016, 14393", "1607, 14393", "Windows Server 2016, 14393",
      "2019, 17763", "ltsc2019, 17763", "1809, 17763", "server 2019, 17763", "Windows Server 2019 Datacenter (1809), 17763",
      "2022, 20348", "LTSC2022, 20348", "server 21H2, 20348", "Windows Server 2022, 20348",
      "2025, 26100", "ltsc2025, 26100", "server 24H2, 26100", "Server 2025 Datacenter, 26100",
      "windows 10 21H2, 19044", "Windows 10 22h2, 19045", "10 22H2, 19045",
      "Windows 10 1809, 17763", "windows 10 enterprise ltsc 2019, 17763", "Windows 10 1607, 14393",
      "windows 11 21H2, 22000", "Windows 11 22H2, 22621", "windows 11 23H2, 22631", "Windows 11 24H2, 26100",
      "11 23h2, 22631",
      "10.0.17763, 17763", "10.0.20348.2227, 20348", "Windows 11 (10.0.22631.3007), 22631", "server 2019 10.0.17763, 17763",
  })
  void aReleaseNamesItsBuild(String release, int build) {
    assertEquals(OptionalInt.of(build), WindowsBuilds.ofRelease(release));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "server", "windows 11", "windows 10", "Windows 10 23H2", "server 22H2", "server 2012 R2",
      "windows 11 2022", "windows 11 1809", "server 2019 2022", "ltsc2019 10.0.20348", "20348", "10.0", "12019",
      "server2019", "2019x", "windows 10 21H2 22H2"})
  void anythingElseIsUnknown(String release) {
    assertEquals(OptionalInt.empty(), WindowsBuilds.ofRelease(release));
  }

  @ParameterizedTest
  @CsvSource({
      "server 2022, SERVER", "2022, SERVER", "ltsc2019, SERVER", "Windows Server 2025, SERVER", "'', SERVER",
      "windows 10 22H2, WINDOWS_10", "10 21H2, WINDOWS_10", "Windows 11 23H2, WINDOWS_11", "11, WINDOWS_11",
      "10.0.22631, WINDOWS_11", "10.0.19045.3803, WINDOWS_10", "10.0.26100, SERVER", "10.0.17763, SERVER",
  })
  void aReleaseIsTheServerUnlessItNamesAClient(String release, WindowsEdition edition) {
    assertEquals(edition, WindowsBuilds.editionOf(release));
  }

  @ParameterizedTest
  @CsvSource({
      "mcr.microsoft.com/windows/servercore:ltsc2019, 17763",
      "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022, 20348",
      "mcr.microsoft.com/windows/nanoserver:1809, 17763",
      "mcr.microsoft.com/windows/servercore:10.0.17763.5458, 17763",
      "mcr.microsoft.com/windows/servercore:ltsc2025-amd64, 26100",
      "mcr.microsoft.com/windows/servercore:LTSC2016, 14393",
      "registry.example.com:5000/shop/web:2.1_windowsservercore_1809, 17763",
      "example.com/app:2019, 17763",
      "mcr.microsoft.com/windows/servercore:ltsc2022@sha256:4f1c2a9d8e7b6a5c4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e, 20348",
  })
  void anImageTagNamesItsBuild(String reference, int build) {
    assertEquals(OptionalInt.of(build), WindowsBuilds.ofImage(reference));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "mcr.microsoft.com/windows/servercore",
      "registry.example.com/win2019/app:1.0",
      "registry.example.com/ltsc2019:latest",
      "registry.example.com:2019/app",
      "mcr.microsoft.com/windows/servercore@sha256:2019a9d8e7b6a5c4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a",
      "example.com/app:2019.1",
      "example.com/app:ltsc2019-ltsc2022",
      "example.com/app:1809-ltsc2022",
      "example.com/app:windows-11-23h2",
  })
  void anImageWhoseTagNamesNoSingleBuildIsUnknown(String reference) {
    assertEquals(OptionalInt.empty(), WindowsBuilds.ofImage(reference));
  }

  @Test
  void buildsHaveTheNamesPeopleKnow() {
    assertEquals("Windows Server 2019 (build 17763)", WindowsBuilds.name(17763));
    assertEquals("Windows 11 23H2 (build 22631)", WindowsBuilds.name(22631));
    assertEquals("Windows Server 2025 / Windows 11 24H2 (build 26100)", WindowsBuilds.name(26100));
    assertEquals("build 12345", WindowsBuilds.name(12345));
  }

  @Test
  void processIsolationNeedsTheHostsBuild() {
    assertTrue(WindowsBuilds.runs(20348, WindowsEdition.SERVER, 20348, Isolation.PROCESS));
    assertFalse(WindowsBuilds.runs(20348, WindowsEdition.SERVER, 17763, Isolation.PROCESS));
    assertFalse(WindowsBuilds.runs(17763, WindowsEdition.SERVER, 20348, Isolation.PROCESS));
    assertFalse(WindowsBuilds.runs(26100, WindowsEdition.SERVER, 20348, Isolation.PROCESS));
    assertFalse(WindowsBuilds.runs(19045, WindowsEdition.WINDOWS_10, 17763, Isolation.PROCESS));
  }

  @Test
  void windowsElevenRunsServer2022ContainersInProcessIsolation() {
    assertTrue(WindowsBuilds.runs(22000, WindowsEdition.WINDOWS_11, 20348, Isolation.PROCESS));
    assertTrue(WindowsBuilds.runs(22631, WindowsEdition.WINDOWS_11, 20348, Isolation.PROCESS));
    assertTrue(WindowsBuilds.runs(26100, WindowsEdition.WINDOWS_11, 20348, Isolation.PROCESS));
    assertFalse(WindowsBuilds.runs(22631, WindowsEdition.WINDOWS_11, 17763, Isolation.PROCESS));
    assertFalse(WindowsBuilds.runs(22631, WindowsEdition.WINDOWS_11, 26100, Isolation.PROCESS));
  }

  @Test
  void hyperVIsolationRunsBuildsUpToTheHosts() {
    assertTrue(WindowsBuilds.runs(20348, WindowsEdition.SERVER, 17763, Isolation.HYPERV));
    assertTrue(WindowsBuilds.runs(20348, WindowsEdition.SERVER, 20348, Isolation.HYPERV));
    assertFalse(WindowsBuilds.runs(17763, WindowsEdition.SERVER, 20348, Isolation.HYPERV));
    assertFalse(WindowsBuilds.runs(22631, WindowsEdition.WINDOWS_11, 26100, Isolation.HYPERV));
  }

  @Test
  void everyRowIsInTheTableWithItsSource() {
    String table = WindowsBuilds.markdown();
    for (WindowsBuilds.Row row : WindowsBuilds.rows()) {
      assertFalse(row.source().isBlank(), row.name());
      assertTrue(table.contains("| " + row.build() + " | " + row.name() + " |"), row.name());
    }
    assertEquals(WindowsBuilds.rows().size(), table.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count());
    assertTrue(table.contains("\"Windows container version compatibility\""), "the rule of runs has its source");
  }
}
