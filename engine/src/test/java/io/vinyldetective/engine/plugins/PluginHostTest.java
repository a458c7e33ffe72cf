package io.vinyldetective.engine.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Notifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {

    @TempDir
    Path plugins;

    @Test
    void loadsAGoodPluginAndListsItsExtensionPoints() throws Exception {
        PluginJarBuilder.greeterNotifier("greeter").buildInto(plugins);

        try (PluginHost host = new PluginHost(plugins)) {
            List<InstalledPlugin> installed = host.installed();
            assertEquals(1, installed.size(), () -> "problems: " + host.problems());
            InstalledPlugin p = installed.get(0);
            assertEquals("greeter", p.id());
            assertEquals("1.0.0", p.version());
            assertEquals(List.of("Notifier"), p.extensionPoints());
            assertEquals(1, host.newExtensions(Notifier.class, "greeter").size());
            assertTrue(host.problems().isEmpty());
        }
    }

    @Test
    void refusesAPluginBuiltForAnotherApiMajorVersionAndSaysWhich() throws Exception {
        PluginJarBuilder.greeterNotifier("future").requires("^2.0.0").buildInto(plugins);
        PluginJarBuilder.greeterNotifier("greeter").buildInto(plugins);

        try (PluginHost host = new PluginHost(plugins)) {
            assertEquals(List.of("greeter"), host.installed().stream().map(InstalledPlugin::id).toList());
            PluginProblem problem = host.problemOf("future").orElseThrow();
            assertTrue(problem.reason().contains("built for plugin API ^2.0.0"), problem.reason());
            assertTrue(problem.reason().contains("1.x"), problem.reason());
            assertFalse(host.isStarted("future"));
        }
    }

    @Test
    void refusesAPluginThatDoesNotSayWhichApiItNeeds() throws Exception {
        PluginJarBuilder.greeterNotifier("vague").requires(null).buildInto(plugins);

        try (PluginHost host = new PluginHost(plugins)) {
            assertTrue(host.installed().isEmpty());
            assertTrue(host.problemOf("vague").orElseThrow().reason().contains("Plugin-Requires"));
        }
    }

    @Test
    void aCorruptJarIsReportedAndTheOthersStillLoad() throws Exception {
        Files.write(plugins.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3, 4, 5, 6, 7});
        Files.writeString(plugins.resolve("notes.jar"), "this is not a jar at all");
        PluginJarBuilder.greeterNotifier("greeter").buildInto(plugins);

        try (PluginHost host = new PluginHost(plugins)) {
            assertEquals(List.of("greeter"), host.installed().stream().map(InstalledPlugin::id).toList());
            List<PluginProblem> problems = host.problems();
            assertEquals(2, problems.size(), problems::toString);
            assertTrue(problems.stream().allMatch(p -> p.reason().contains("not a readable jar")), problems::toString);
            assertTrue(problems.stream().anyMatch(p -> p.file().getFileName().toString().equals("broken.jar")));
        }
    }

    @Test
    void aDuplicatePluginIdIsRefused() throws Exception {
        PluginJarBuilder.greeterNotifier("greeter").version("1.0.0").buildInto(plugins);
        PluginJarBuilder.greeterNotifier("greeter").version("1.1.0").buildInto(plugins);

        try (PluginHost host = new PluginHost(plugins)) {
            assertEquals(1, host.installed().size());
            assertTrue(host.problemOf("greeter").orElseThrow().reason().contains("same plugin id"));
        }
    }

    @Test
    void aMissingPluginsFolderMeansNoPlugins() {
        try (PluginHost host = new PluginHost(plugins.resolve("nope"))) {
            assertTrue(host.installed().isEmpty());
            assertTrue(host.problems().isEmpty());
        }
    }
}
