import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The SSE fan-out's write path without HTTP: one Netty event loop (NIO or native epoll, the two
 * transports the api-service can run on) writes one shared 5 KB direct buffer to N loopback sockets
 * as retained duplicates with the void promise, one flush per socket per round — what
 * {@code stream/DirectChannel} does per live event. Prints the event loop thread's CPU µs per frame
 * (and its kernel part), so the two transports compare on CPU time, not on a wall clock the other
 * processes of a busy machine share. Rounds start only when every socket's outbound buffer is empty
 * (the reader paces them; nothing piles up in user space).
 *
 * <p>Run by bench/sse/floor.sh --netty (reader: WriteFloor.java read, on the other core). Options:
 * --transport nio|epoll, --port, --sockets (5,000), --frames (500,000), --size (5,120).
 */
public final class NettyFloor {

    public static void main(String[] args) throws Exception {
        String transport = arg(args, "--transport", "nio");
        int port = Integer.parseInt(arg(args, "--port", "18620"));
        int sockets = Integer.parseInt(arg(args, "--sockets", "5000"));
        int frames = Integer.parseInt(arg(args, "--frames", "500000"));
        int size = Integer.parseInt(arg(args, "--size", "5120"));
        boolean epoll = transport.equals("epoll");
        if (epoll && !Epoll.isAvailable()) {
            throw new IllegalStateException("native epoll unavailable", Epoll.unavailabilityCause());
        }
        EventLoopGroup boss = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        EventLoopGroup loop = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        Class<? extends ServerChannel> serverClass = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        List<Channel> channels = new ArrayList<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        Channel server = new ServerBootstrap().group(boss, loop).channel(serverClass)
                .option(ChannelOption.SO_BACKLOG, sockets)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);   // the one child event loop: no lock needed
                        if (channels.size() == sockets) {
                            all.complete(null);
                        }
                    }
                }).bind("127.0.0.1", port).sync().channel();
        System.out.printf("writer: waiting for %d sockets on %d (%s)%n", sockets, port, transport);
        all.get(300, TimeUnit.SECONDS);

        ByteBuf frame = PooledByteBufAllocator.DEFAULT.directBuffer(size);
        frame.writerIndex(size);
        int rounds = Math.max(1, frames / sockets);
        long[] cpu = new long[2];
        long t0 = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.next().execute(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            cpu[0] = -threads.getCurrentThreadCpuTime();
            cpu[1] = -threads.getCurrentThreadUserTime();
            round(loop, channels, frame, rounds, cpu, done);
        });
        done.get(600, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long written = (long) rounds * sockets;
        System.out.printf("| %s | %d | %,d B | %,d | %,.0f | %.2f (kernel %.2f) | %.0f %% | %s |%n", transport, sockets, size, written,
                written / seconds, cpu[0] / 1e3 / written, (cpu[0] - cpu[1]) / 1e3 / written, 100.0 * cpu[0] / 1e9 / seconds,
                Files.readString(Path.of("/proc/loadavg")).trim());
        frame.release();
        for (Channel ch : channels) {
            ch.close();
        }
        server.close().sync();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** One frame to every socket, one flush each; the next round once every outbound buffer drained. */
    private static void round(EventLoopGroup loop, List<Channel> channels, ByteBuf frame, int left, long[] cpu,
                              CompletableFuture<Void> done) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (left == 0) {
            cpu[0] += threads.getCurrentThreadCpuTime();
            cpu[1] += threads.getCurrentThreadUserTime();
            done.complete(null);
            return;
        }
        for (Channel ch : channels) {
            ch.write(frame.retainedDuplicate(), ch.voidPromise());
            ch.flush();
        }
        whenDrained(loop, channels, 0, () -> round(loop, channels, frame, left - 1, cpu, done));
    }

    /** Resumes the check where the last one stopped: channels before it had drained already. */
    private static void whenDrained(EventLoopGroup loop, List<Channel> channels, int from, Runnable next) {
        for (int i = from; i < channels.size(); i++) {
            var out = channels.get(i).unsafe().outboundBuffer();
            if (out != null && out.totalPendingWriteBytes() > 0) {
                int at = i;
                loop.next().schedule(() -> whenDrained(loop, channels, at, next), 1, TimeUnit.MILLISECONDS);
                return;
            }
        }
        next.run();
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
