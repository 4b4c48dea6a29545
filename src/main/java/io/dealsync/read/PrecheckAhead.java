package io.dealsync.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Prechecks ({@link FilePrecheck}) of the inbox's first files, made while a run's rules still compile: the DRL
 * compile holds one core for a second or two before any file may be touched, and the precheck of a large export
 * (its SHA-256 and text scan, ~0.9 s for 670 MB) is the first thing the intake does with it. The intake takes a
 * result made ahead only for the same file, unchanged since (its file key, name, size and modification time,
 * which Camel's move into {@code .inprogress/} keeps) and read with the same profile; any other file, or one
 * changed since, is checked as before. Reading a file is not touching it: broken rules still end the run before
 * any file is moved.
 */
public final class PrecheckAhead {
    /** Nothing checked ahead (every command but {@code run}, and tests). */
    public static final PrecheckAhead NONE = new PrecheckAhead();

    private final Map<Stamp, Entry> checked = new ConcurrentHashMap<>();

    PrecheckAhead() {
    }

    /**
     * Checks {@code files} in order on a daemon thread, each with its profile, until {@code enough} says so
     * (checked before each file: the rules compiled, and the intake's own order takes over).
     */
    public static PrecheckAhead start(List<Path> files, Function<Path, SourceProfile> profileOf, BooleanSupplier enough) {
        PrecheckAhead ahead = new PrecheckAhead();
        if (files.isEmpty()) {
            return ahead;
        }
        Thread t = new Thread(() -> ahead.checkAll(files, profileOf, enough), "precheck-ahead");
        t.setDaemon(true); // never holds a run's JVM
        t.start();
        return ahead;
    }

    void checkAll(List<Path> files, Function<Path, SourceProfile> profileOf, BooleanSupplier enough) {
        for (Path file : files) {
            if (enough.getAsBoolean()) {
                return;
            }
            Stamp stamp = Stamp.of(file);
            if (stamp == null) {
                continue; // gone already
            }
            Entry e = new Entry(profileOf.apply(file), new CompletableFuture<>());
            checked.put(stamp, e);
            try {
                e.result().complete(FilePrecheck.check(file, e.profile()));
            } catch (IOException | RuntimeException ex) {
                e.result().completeExceptionally(ex); // the intake checks it itself and reports what it finds
            }
        }
    }

    /**
     * The precheck made ahead of this file with this profile, waiting for it when it is still running; null when
     * there is none, it failed, or the file changed since.
     */
    public FilePrecheck.Result take(Path file, SourceProfile profile) {
        if (checked.isEmpty()) {
            return null;
        }
        Stamp stamp = Stamp.of(file);
        Entry e = stamp == null ? null : checked.remove(stamp);
        if (e == null || !Objects.equals(e.profile(), profile)) {
            return null;
        }
        try {
            FilePrecheck.Result r = e.result().join();
            return stamp.equals(Stamp.of(file)) ? r : null; // written to while it was read: check it again
        } catch (CompletionException ex) {
            return null;
        }
    }

    private record Entry(SourceProfile profile, CompletableFuture<FilePrecheck.Result> result) {
    }

    /** A file as the file system knows it: a rename keeps all four, a write changes the time (and mostly the size). */
    private record Stamp(String name, Object fileKey, long size, FileTime modified) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return a.isRegularFile()
                        ? new Stamp(file.getFileName().toString(), a.fileKey(), a.size(), a.lastModifiedTime()) : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
