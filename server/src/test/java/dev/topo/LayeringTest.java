package dev.topo;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import dev.topo.cli.Main;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * The server's packages keep to their layers ({@link Layering} holds the table): each uses
 * only what its row allows, and no two packages depend on each other. Only the server's
 * production classes are read: not the tests, nor the generated parser of the grammar
 * module, which is a target here like any library.
 */
@AnalyzeClasses(locations = LayeringTest.ServerClasses.class)
class LayeringTest {
  static final Layering LAYERING = new Layering("dev.topo");

  @ArchTest
  static final ArchRule eachPackageUsesOnlyWhatItsRowAllows = LAYERING.allowTable();

  /** Also fails if nothing was read, where the other rules would pass on no classes. */
  @ArchTest
  static final ArchRule everyPackageHasARow = LAYERING.everyPackageHasARow();

  @ArchTest
  static final ArchRule noCyclesBetweenTopLevelPackages = LAYERING.noCyclesBetweenTopLevelPackages();

  @ArchTest
  static final ArchRule noCyclesBetweenPackages = LAYERING.noCyclesBetweenPackages();

  /** Where the server's own production classes are (its target/classes), and nothing else. */
  public static final class ServerClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      try {
        return Set.of(Location.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
