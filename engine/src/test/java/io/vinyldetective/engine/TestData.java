package io.vinyldetective.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test data is: {@code vd.shared.dir} (set by Surefire), else {@code ../shared} beside the repository. */
public final class TestData {

    private TestData() {
    }

    public static Path shared(String relative) {
        String dir = System.getProperty("vd.shared.dir");
        Path base = dir != null ? Path.of(dir) : Path.of("..", "..", "shared").toAbsolutePath().normalize();
        if (dir == null && !Files.isDirectory(base)) {
            base = Path.of("..", "shared").toAbsolutePath().normalize();
        }
        return base.resolve(relative);
    }
}
