import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's floor under the SSE fan-out: what writing 5 KB frames to N loopback sockets costs a
 * writer that does nothing else — no HTTP, no Netty, one direct buffer shared by all sockets, one
 * gathering {@code write} per socket per round of {@code --per-write} frames. Whatever the api-service
 * pays per event above this figure is user space; what it pays at this figure, any server on loopback pays.
 *
 * <p>Two processes, so each can be pinned to its own core as bench/sse/run.sh --pin does:
 * {@code taskset -c 1 java WriteFloor.java read --port P --sockets N} (connects N sockets and drains
 * them on one selector thread), then {@code taskset -c 0 java WriteFloor.java write --port P --sockets N}
 * (accepts them and writes). The writer prints its thread's CPU µs per frame (and the kernel part:
 * thread CPU − user time), frames/s, and the load average. bench/sse/floor.sh runs both.
 *
 * <p>Options: --frames (total, default 500,000), --size (bytes per frame, 5,120), --per-write (frames
 * per socket per write: 1 = one syscall per event as the fan-out does when events come one at a time),
 * --nodelay (TCP_NODELAY on the writer's sockets, default true as in Vert.x).
 */
public final class WriteFloor {

    public static void main(String[] args) throws Exception {
        String role = args[0];
        int port = intArg(args, "--port", 18620);
        int sockets = intArg(args, "--sockets", 1000);
        if (role.equals("read")) {
            read(port, sockets);
        } else {
            write(port, sockets, intArg(args, "--frames", 500_000), intArg(args, "--size", 5120),
                    intArg(args, "--per-write", 1), !"false".equals(strArg(args, "--nodelay", "true")));
        }
    }

    static void read(int port, int sockets) throws IOException {
        Selector selector = Selector.open();
        for (int i = 0; i < sockets; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        long bytes = 0;
        int open = sockets;
        while (open > 0) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel channel = (SocketChannel) key.channel();
                for (int n; (n = channel.read(buffer.clear())) != 0; ) {
                    if (n < 0) {
                        key.cancel();
                        channel.close();
                        open--;
                        break;
                    }
                    bytes += n;
                }
            }
            selector.selectedKeys().clear();
        }
        System.out.printf("reader: %,d bytes%n", bytes);
    }

    static void write(int port, int sockets, int frames, int size, int perWrite, boolean noDelay) throws IOException {
        List<SocketChannel> channels = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", port), sockets);
            System.out.printf("writer: waiting for %d sockets on %d%n", sockets, port);
            while (channels.size() < sockets) {
                SocketChannel channel = server.accept();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
                channel.configureBlocking(true);   // a full socket blocks the writer: the reader paces it, no busy loop
                channels.add(channel);
            }
        }
        ByteBuffer frame = ByteBuffer.allocateDirect(size);
        while (frame.hasRemaining()) {
            frame.put((byte) 'x');
        }
        ByteBuffer[] gather = new ByteBuffer[perWrite];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long user0 = threads.getCurrentThreadUserTime();
        long t0 = System.nanoTime();
        long written = 0;
        long writes = 0;
        while (written < frames) {
            for (SocketChannel channel : channels) {
                for (int i = 0; i < perWrite; i++) {
                    gather[i] = frame.duplicate().clear();
                }
                long left = (long) size * perWrite;
                while (left > 0) {
                    left -= channel.write(gather);
                    writes++;
                }
                written += perWrite;
            }
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long user = threads.getCurrentThreadUserTime() - user0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (SocketChannel channel : channels) {
            channel.close();
        }
        System.out.printf("| %d | %,d B | %d | %s | %,d | %,d | %,.0f | %.2f (kernel %.2f) | %.0f %% | %s |%n",
                sockets, size, perWrite, noDelay ? "on" : "off", written, writes, written / seconds,
                cpu / 1e3 / written, (cpu - user) / 1e3 / written, 100.0 * cpu / 1e9 / seconds,
                new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = strArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    private static String strArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
