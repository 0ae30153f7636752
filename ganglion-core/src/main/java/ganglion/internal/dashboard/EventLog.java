package ganglion.internal.dashboard;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the training page has to show: an append-only list of events (start, epochs, samples, end) plus one slot
 * for the latest batch progress, which is overwritten rather than kept. The training thread appends; server
 * threads read through {@link Cursor}s without any lock, so a page being served never holds up training and
 * training never waits for a page. Readers see an event only once it is complete (volatile links).
 */
public final class EventLog {

    private static final class Node {
        final DashboardEvent event;
        volatile Node next;

        Node(DashboardEvent event) {
            this.event = event;
        }
    }

    private final Node head = new Node(null);
    private Node tail = head;                   // writers only, under this object's monitor
    private long seq;                           // writers only, under this object's monitor
    private volatile DashboardEvent latestBatch;
    private volatile boolean finished;
    private final AtomicInteger watchers = new AtomicInteger();

    /**
     * Appends an event (never blocks on readers: the monitor only orders writers, and readers never take it).
     */
    public synchronized void append(DashboardEvent e) {
        e.seq = ++seq;
        Node n = new Node(e);
        tail.next = n;
        tail = n;
    }

    /** Replaces the latest batch progress (kept in one slot: a run's batches are not stored). */
    public synchronized void latestBatch(DashboardEvent e) {
        e.seq = ++seq;
        latestBatch = e;
    }

    /** A run begins: streams stay open until {@link #finish()}. */
    public void begin() {
        finished = false;
    }

    /** The run is over: streams end once they have sent everything. */
    public void finish() {
        finished = true;
    }

    public boolean finished() {
        return finished;
    }

    /** Whether a page is connected now (one volatile read: the training thread asks this every epoch). */
    public boolean watched() {
        return watchers.get() > 0;
    }

    void watcherJoined() {
        watchers.incrementAndGet();
    }

    void watcherLeft() {
        watchers.decrementAndGet();
    }

    /** A reader positioned before the first event. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Reads the log in order; each server thread has its own. */
    public final class Cursor {
        private Node at = head;
        private long lastSeq;

        /** The next stored event, or null when the reader has seen all of them. */
        public DashboardEvent next() {
            Node n = at.next;
            if (n == null) {
                return null;
            }
            at = n;
            lastSeq = n.event.seq;
            return n.event;
        }

        /** The latest batch progress when it is newer than everything this reader has returned, else null. */
        public DashboardEvent newerBatch() {
            DashboardEvent b = latestBatch;
            if (b == null || b.seq <= lastSeq) {
                return null;
            }
            lastSeq = b.seq;
            return b;
        }
    }
}
