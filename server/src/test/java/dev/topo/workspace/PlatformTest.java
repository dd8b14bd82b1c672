package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.model.Arch;
import dev.topo.model.CgroupVersion;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Isolation;
import dev.topo.model.WindowsEdition;
import dev.topo.syntax.TopologySyntax;
import dev.topo.workspace.Platform.Fact;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformTest {
  private static Program program(String text) {
    return Program.single(TopologySyntax.parse(URI.create("file:///p.topo"), text));
  }

  private static Platform of(Program program, String name) {
    return Platform.of(program, program.globallyNamed(name).get(0));
  }

  @Test
  void aLinuxReleaseGivesItsKernelAndCgroupUnlessDeclared() {
    Program p = program("""
        host a { os linux "Ubuntu 22.04.3 LTS" }
        host b { os linux "centos 6.10"; kernel "4.19.0"; cgroup v2 }
        host c { os linux "gentoo" }
        """);
    Platform a = of(p, "a");
    assertEquals("5.15 from Ubuntu 22.04", a.kernel().map(f -> f.value() + " from " + f.source()).orElse(""));
    assertEquals(Optional.of(new Fact<>(CgroupVersion.V2, "Ubuntu 22.04")), a.cgroup());
    Platform b = of(p, "b");
    assertEquals("4.19.0 declared", b.kernel().map(f -> f.value() + " " + f.source()).orElse(""));
    assertEquals(Optional.of(new Fact<>(CgroupVersion.V2, "declared")), b.cgroup());
    assertEquals(Optional.empty(), of(p, "c").kernel());
    assertEquals(Optional.empty(), of(p, "c").cgroup());
  }

  @Test
  void aVmHasItsHostsArchitectureUnlessItDeclaresOne() {
    Program p = program("host h { arch arm64; vm v { os linux }; vm w { arch amd64 } }");
    assertEquals(Optional.of(new Fact<>(Arch.ARM64, "declared")), of(p, "h").arch());
    assertEquals(Optional.of(new Fact<>(Arch.ARM64, "its host's")), of(p, "v").arch());
    assertEquals(Optional.of(new Fact<>(Arch.AMD64, "declared")), of(p, "w").arch());
    assertEquals(Optional.empty(), of(program("host h { }"), "h").arch());
  }

  @Test
  void windowsBuildsEditionsAndIsolation() {
    Program p = program("""
        host s { os windows "server 2022"; container c { os windows; image "mcr.microsoft.com/windows/servercore:ltsc2019" } }
        host d { os windows "windows 11 23H2"; container c { os windows "ltsc2022"; isolation process } }
        """);
    Platform server = of(p, "s");
    assertEquals(Optional.of(20348), server.windowsBuild().map(Fact::value));
    assertEquals(Optional.of(WindowsEdition.SERVER), server.windowsEdition());
    Entity c = p.globallyNamed("s").get(0).children(EntityKind.CONTAINER).get(0);
    assertEquals(Optional.of(new Fact<>(17763, "image tag")), Platform.windowsBuild(c));
    assertEquals(Optional.of(Isolation.PROCESS), server.isolationOf(c).map(Fact::value));
    Platform desktop = of(p, "d");
    assertEquals(Optional.of(22631), desktop.windowsBuild().map(Fact::value));
    Entity d = p.globallyNamed("d").get(0).children(EntityKind.CONTAINER).get(0);
    assertEquals(Optional.of(new Fact<>(20348, "release \"ltsc2022\"")), Platform.windowsBuild(d));
    assertEquals(Optional.of(new Fact<>(Isolation.PROCESS, "declared")), desktop.isolationOf(d));
    assertEquals(Optional.of(Isolation.HYPERV),
        desktop.isolationOf(program("host x { container y { os windows } }").globallyNamed("x").get(0).children().get(0))
            .map(Fact::value));
  }
}
