package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small vocabularies of the platform facts: cgroup versions, isolation modes and Windows editions. */
class PlatformWordsTest {
  @Test
  void cgroupVersionsAreWrittenV1AndV2() {
    assertEquals(List.of("v1", "v2"), CgroupVersion.words());
    assertEquals(Optional.of(CgroupVersion.V1), CgroupVersion.fromWord("v1"));
    assertEquals(Optional.of(CgroupVersion.V2), CgroupVersion.fromWord("v2"));
    assertEquals(Optional.empty(), CgroupVersion.fromWord("2"));
    assertEquals(Optional.empty(), CgroupVersion.fromWord("V2"));
  }

  @Test
  void isolationIsProcessOrHyperv() {
    assertEquals(List.of("process", "hyperv"), Isolation.words());
    assertEquals(Optional.of(Isolation.HYPERV), Isolation.fromWord("hyperv"));
    assertEquals(Optional.of(Isolation.PROCESS), Isolation.fromWord("process"));
    assertEquals(Optional.empty(), Isolation.fromWord("hyper-v"));
  }

  @Test
  void serversIsolateByProcessAndClientsByHyperV() {
    assertEquals(Isolation.PROCESS, WindowsEdition.SERVER.defaultIsolation());
    assertEquals(Isolation.HYPERV, WindowsEdition.WINDOWS_10.defaultIsolation());
    assertEquals(Isolation.HYPERV, WindowsEdition.WINDOWS_11.defaultIsolation());
  }
}
