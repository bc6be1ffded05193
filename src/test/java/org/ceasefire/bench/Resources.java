package org.ceasefire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * What a benchmark child used: the peak of the heap in use (garbage included), the peak of the heap
 * still in use after a collection (the live set: what the process really needs), and the peak
 * resident set size of the process (heap, RocksDB's native memory, metaspace, thread stacks).
 */
final class Resources {
    private final AtomicLong peakAfterGc = new AtomicLong();

    Resources() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> isHeapPool(e.getKey()))
                                .mapToLong(e -> e.getValue().getUsed()).sum();
                        peakAfterGc.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private static boolean isHeapPool(String name) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(pool -> pool.getName().equals(name) && pool.getType() == java.lang.management.MemoryType.HEAP);
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use, garbage included. */
    static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .map(pool -> pool.getPeakUsage())
                .filter(u -> u != null)
                .mapToLong(MemoryUsage::getUsed).sum();
    }

    long peakLiveAfterGc() {
        return peakAfterGc.get();
    }

    /** VmHWM of /proc/self/status in bytes, or -1 where there is no /proc. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static long directorySize(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    /** The lines every child prints last: its memory, in MB. */
    void print() {
        System.out.println("RESULT heapPeakMb=" + (peakHeapUsed() >> 20));
        System.out.println("RESULT heapLiveMb=" + (peakLiveAfterGc() >> 20));
        System.out.println("RESULT rssPeakMb=" + (peakRss() >> 20));
        System.out.println("RESULT heapMaxMb=" + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
