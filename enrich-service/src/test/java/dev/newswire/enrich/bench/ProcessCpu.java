package dev.newswire.enrich.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process from /proc (utime + stime, all threads), and the load average: the
 * load-independent side of a benchmark on a shared machine. Wall-clock articles/s moves with what
 * else runs; CPU ms per article does much less.
 */
final class ProcessCpu {

    /** Linux USER_HZ: /proc reports CPU time in ticks of 10 ms on every mainstream kernel. */
    private static final double MS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** utime + stime of the process in ms, or -1 if it is gone or not Linux. */
    static double millis(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name in parentheses (which may hold spaces): state is field 3.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
