package io.vinyldetective.engine.bench;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.catalog.dump.DumpImporter;
import io.vinyldetective.engine.catalog.dump.DumpReader;
import io.vinyldetective.engine.catalog.dump.ImportSummary;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The dump import benchmark (a main class, not a test). Generates two dumps into a work directory
 * — "heavy": the 1000-release sample repeated to 100,000 releases with new ids; "light": 1,000,000
 * releases with one artist, label, format and track each — then imports each in a fresh JVM with
 * {@code -Xmx128m} into a fresh database and prints releases/s and peak RSS (VmHWM). It also times
 * parsing alone, to tell parse cost from write cost.
 *
 * <pre>
 * java -cp CLASSPATH io.vinyldetective.engine.bench.DumpImportBenchmark [WORK_DIR]
 * </pre>
 */
public final class DumpImportBenchmark {

    private static final int HEAVY_COPIES = 100;
    private static final int LIGHT_RELEASES = 1_000_000;
    private static final String[] WORDS = {"Blue", "Night", "Love", "Dance", "River", "Golden", "Electric", "Summer",
            "Dream", "Fire", "Silver", "Moon", "Street", "Soul", "Heart", "Rain", "Café", "Mañana", "Über", "Noir"};

    private DumpImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--import")) {
            importOnce(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length >= 2 && args[0].equals("--parse")) {
            parseOnce(Path.of(args[1]));
            return;
        }
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("vd-bench");
        Files.createDirectories(work);
        Path sample = sharedDir().resolve("data/discogs-dump-sample/releases-1000.xml.gz");
        Path heavy = work.resolve("heavy-100k.xml.gz");
        Path light = work.resolve("light-1m.xml.gz");
        if (!Files.exists(heavy)) {
            writeHeavy(sample, heavy);
        }
        if (!Files.exists(light)) {
            writeLight(light);
        }
        for (Path dump : List.of(heavy, light)) {
            System.out.println("== " + dump.getFileName() + " (" + Files.size(dump) / (1 << 20) + " MiB compressed)");
            child("--parse", dump.toString());
            Path dbDir = Files.createTempDirectory(work, "db");
            child("--import", dump.toString(), dbDir.toString());
        }
        System.out.println("work dir: " + work);
    }

    private static void child(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), DumpImportBenchmark.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("benchmark child failed: " + cmd);
        }
    }

    private static void importOnce(Path dump, Path dataDir) throws Exception {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("vinyl-detective.data-dir", dataDir.toString()))) {
            ImportSummary s = ctx.getBean(DumpImporter.class).importFile(dump, status -> { });
            System.out.printf("import: %,d releases in %.2f s = %,.0f releases/s; skipped %d; db %d MiB; peak RSS %s%n",
                    s.imported(), s.seconds(), s.releasesPerSecond(), s.skipped(),
                    Files.size(dataDir.resolve("vinyl-detective.db")) >> 20, peakRss());
        }
    }

    private static void parseOnce(Path dump) throws Exception {
        long start = System.nanoTime();
        long n = 0;
        try (InputStream in = DumpImporter.parserInput(Files.newInputStream(dump));
             DumpReader reader = new DumpReader(in)) {
            while (reader.next() != null) {
                n++;
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("parse only (gunzip, element skipping, StAX; no database): %,d releases in %.2f s = %,.0f releases/s%n", n, s, n / s);
    }

    /** Peak resident set size of this JVM, from /proc/self/status. */
    static String peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring("VmHWM:".length()).strip();
            }
        }
        return "unknown";
    }

    static Path sharedDir() {
        String dir = System.getProperty("vd.shared.dir");
        return dir != null ? Path.of(dir) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    private static void writeHeavy(Path sample, Path out) throws IOException {
        String xml;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(sample))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> releases = new ArrayList<>();
        Matcher m = Pattern.compile("<release id=\"\\d+\"").matcher(xml);
        int previous = -1;
        while (m.find()) {
            if (previous >= 0) {
                releases.add(xml.substring(previous, m.start()).strip());
            }
            previous = m.start();
        }
        String last = xml.substring(previous);
        releases.add(last.substring(0, last.lastIndexOf("</releases>")).strip());
        long id = 1;
        try (Writer w = gzipWriter(out)) {
            w.write("<releases>\n");
            for (int copy = 0; copy < HEAVY_COPIES; copy++) {
                for (String r : releases) {
                    w.write("<release id=\"" + id++ + "\"");
                    w.write(r, r.indexOf('"', "<release id=\"".length()) + 1, r.length() - r.indexOf('"', "<release id=\"".length()) - 1);
                    w.write('\n');
                }
            }
            w.write("</releases>\n");
        }
    }

    private static void writeLight(Path out) throws IOException {
        try (Writer w = gzipWriter(out)) {
            w.write("<releases>\n");
            for (int id = 1; id <= LIGHT_RELEASES; id++) {
                String a = WORDS[id % WORDS.length];
                String b = WORDS[(id / WORDS.length) % WORDS.length];
                String c = WORDS[(id / 400) % WORDS.length];
                w.write("<release id=\"" + id + "\" status=\"Accepted\"><images/><artists><artist><id>" + (id % 5000)
                        + "</id><name>" + a + " " + c + " Band</name><anv/><join/><role/><tracks/></artist></artists><title>"
                        + b + " " + a + " " + (id % 977) + "</title><labels><label name=\"" + c + " Records\" catno=\"" + b.toUpperCase()
                        + "-" + id + "\" id=\"" + (id % 300) + "\"/></labels><extraartists/><formats><format name=\"Vinyl\" qty=\"1\" text=\"\">"
                        + "<descriptions><description>LP</description><description>Album</description></descriptions></format></formats>"
                        + "<genres><genre>Rock</genre></genres><styles><style>Indie Rock</style></styles><country>UK</country>"
                        + "<released>" + (1960 + id % 60) + "</released><data_quality>Correct</data_quality>"
                        + "<tracklist><track><position>A1</position><title>" + a + " " + b + "</title><duration>3:" + (10 + id % 50)
                        + "</duration></track></tracklist></release>\n");
            }
            w.write("</releases>\n");
        }
    }

    private static Writer gzipWriter(Path out) throws IOException {
        OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        return new OutputStreamWriter(os, StandardCharsets.UTF_8);
    }
}
