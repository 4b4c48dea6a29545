package io.dealsync.cli;

import io.dealsync.bench.Benchmark;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", description = "The benchmark of docs/quality.md (B1-B8): generates data shaped like real exports, runs the engine at -Xmx256m, prints records/s, wall time, peak heap and peak RSS.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Option(names = "--records", defaultValue = "1000000", description = "Records of the CSV scenarios (default 1,000,000).")
    int records;

    @Option(names = "--json-records", defaultValue = "200000", description = "Records of the JSON scenario (default 200,000).")
    int jsonRecords;

    @Option(names = "--no-postgres", description = "Skip B8 (B1 and B4 on the local PostgreSQL server).")
    boolean noPostgres;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Working folder (data and runs).")
    Path dir;

    // issue 9: 1 and 2 cluster instances on one inbox against the configured PostgreSQL (dealsync.db.url)
    @Option(names = "--scale-out", description = "Throughput of 1 and 2 cluster instances against PostgreSQL (dealsync.db.url) instead.")
    boolean scaleOut;

    @Option(names = "--scale-out-files", defaultValue = "8", description = "Files of the --scale-out run (default 8).")
    int scaleOutFiles;

    @Option(names = "--scale-out-records", defaultValue = "20000", description = "Records per file of the --scale-out run (default 20,000).")
    int scaleOutRecords;

    @Override
    public Integer call() throws Exception {
        Path home = parent.settings(Map.of()).home();
        if (scaleOut) {
            io.dealsync.config.EngineSettings s = parent.settings(Map.of());
            return new io.dealsync.bench.ScaleOutBenchmark(home, home.resolve(dir).resolve("scale-out"), s.get("dealsync.db.url"),
                    s.get("dealsync.db.user"), s.get("dealsync.db.password"), scaleOutFiles, scaleOutRecords, System.out).run();
        }
        return new Benchmark(home, home.resolve(dir), records, jsonRecords, !noPostgres, System.out).run();
    }
}
