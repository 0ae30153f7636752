package ganglion.saving;

import io.jhdf.HdfFile;
import io.jhdf.ObjectHeader;
import io.jhdf.object.message.AttributeInfoMessage;
import io.jhdf.object.message.DataLayoutMessage;
import io.jhdf.object.message.LinkInfoMessage;
import io.jhdf.object.message.LinkMessage;
import io.jhdf.object.message.Message;
import io.jhdf.object.message.SymbolTableMessage;
import io.jhdf.storage.HdfBackingStorage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A structural check of a whole HDF5 file, run before jHDF reads anything from it (HDF5 File Format
 * Specification v3, sections III.A "B-trees" version 1, III.C "Symbol Table Nodes", IV.A object headers and
 * the link, link-info, attribute-info, symbol-table and data-layout messages). Starting at the root group it
 * visits every object header reachable through hard links and symbol tables, each exactly once, and every
 * version-1 B-tree node of group symbol tables and chunk indexes, also exactly once, with levels that go down
 * by one per step. What it guarantees: the structures jHDF walks eagerly and recursively (B-tree nodes,
 * symbol table nodes) form a tree inside the file, so the work and the memory of reading them are bounded
 * by the file's size — a B-tree node listed twice (a cycle, or a small node fanned out into an exponential
 * number of visits) is refused. Structures that Keras, h5py's default format and jHDF's writer never produce
 * and that jHDF would walk without such bounds (fractal heaps and version-2 B-trees of "dense" link or
 * attribute storage, version-4 chunk indexes) are refused with a message that names them.
 */
final class H5Structure {

    private static final int GROUP_NODES = 0;
    private static final int CHUNK_NODES = 1;

    private final HdfBackingStorage storage;
    private final int offsets;
    private final int lengths;
    private final long budget;
    private long spent;
    private final Set<Long> headers = new HashSet<>();
    private final Set<Long> nodes = new HashSet<>();
    private final Deque<Long> objects = new ArrayDeque<>();

    private H5Structure(HdfBackingStorage storage) {
        this.storage = storage;
        this.offsets = storage.getSizeOfOffsets();
        this.lengths = storage.getSizeOfLengths();
        // every structure visited takes at least 8 bytes of the file
        this.budget = storage.size() / 8 + 64;
    }

    /** Checks the file; throws {@link H5Input.Refused} (or a jHDF exception for unreadable bytes). */
    static void check(HdfFile h5) {
        H5Structure s = new H5Structure(h5.getHdfBackingStorage());
        if (s.offsets != 2 && s.offsets != 4 && s.offsets != 8 || s.lengths != 2 && s.lengths != 4 && s.lengths != 8) {
            throw new H5Input.Refused("superblock declares " + s.offsets + "-byte offsets and " + s.lengths
                    + "-byte lengths (HDF5 allows 2, 4 or 8)");
        }
        s.walk(h5.getAddress());
    }

    private void walk(long root) {
        objects.push(root);
        while (!objects.isEmpty()) {
            long address = objects.pop();
            if (!defined(address) || !headers.add(address)) {
                continue; // hard links may share objects; each header is read once
            }
            spend("object header", address);
            ObjectHeader header = ObjectHeader.readObjectHeader(storage, address);
            for (Message m : header.getMessages()) {
                visit(m, address);
            }
        }
    }

    private void visit(Message m, long owner) {
        if (m instanceof AttributeInfoMessage ai && defined(ai.getFractalHeapAddress())) {
            throw new H5Input.Refused("object at " + owner + " keeps its attributes in dense storage (a fractal "
                    + "heap), which Keras files never use and Ganglion does not read");
        } else if (m instanceof LinkInfoMessage li && defined(li.getFractalHeapAddress())) {
            throw new H5Input.Refused("group at " + owner + " keeps its links in dense storage (a fractal heap), "
                    + "which Keras files never use and Ganglion does not read");
        } else if (m instanceof SymbolTableMessage st) {
            tree(st.getBTreeAddress(), GROUP_NODES, 0);
        } else if (m instanceof LinkMessage link && link.getLinkType() == LinkMessage.LinkType.HARD) {
            objects.push(link.getHardLinkAddress());
        } else if (m instanceof DataLayoutMessage.ChunkedDataLayoutMessage chunked) {
            tree(chunked.getBTreeAddress(), CHUNK_NODES, chunked.getChunkDimensions().length + 1);
        } else if (m instanceof DataLayoutMessage.ChunkedDataLayoutMessageV4) {
            throw new H5Input.Refused("dataset at " + owner + " uses a version-4 chunk index, which Keras files "
                    + "never use and Ganglion does not read");
        }
    }

    /** Walks a version-1 B-tree: each node once, children one level below their parent. */
    private void tree(long rootAddress, int type, int dimensionality) {
        if (!defined(rootAddress)) {
            return;
        }
        int key = type == GROUP_NODES ? lengths : 8 + 8 * dimensionality;
        Deque<long[]> todo = new ArrayDeque<>();
        todo.push(new long[]{rootAddress, -1});
        while (!todo.isEmpty()) {
            long[] next = todo.pop();
            long address = next[0];
            once(address, "B-tree node");
            int head = 8 + 2 * offsets;
            ByteBuffer b = read(address, head);
            if (b.get() != 'T' || b.get() != 'R' || b.get() != 'E' || b.get() != 'E') {
                throw new H5Input.Refused("no B-tree node (signature TREE) at " + address);
            }
            int nodeType = b.get() & 0xff;
            int level = b.get() & 0xff;
            int entries = b.getShort() & 0xffff;
            if (nodeType != type) {
                throw new H5Input.Refused("B-tree node at " + address + " has type " + nodeType + ", expected " + type);
            }
            if (next[1] >= 0 && level != next[1]) {
                throw new H5Input.Refused("B-tree node at " + address + " has level " + level + " under a node of level "
                        + (next[1] + 1));
            }
            long size = head + (long) entries * (key + offsets) + key;
            ByteBuffer n = read(address, size);
            n.position(head);
            for (int i = 0; i < entries; i++) {
                n.position(n.position() + key);
                long child = offset(n);
                if (level > 0) {
                    todo.push(new long[]{child, level - 1});
                } else if (type == GROUP_NODES) {
                    symbolNode(child);
                } else {
                    spend("chunk", child);
                }
            }
        }
    }

    /** A symbol table node ("SNOD"): its entries name the group's members by object header address. */
    private void symbolNode(long address) {
        once(address, "symbol table node");
        ByteBuffer b = read(address, 8);
        if (b.get() != 'S' || b.get() != 'N' || b.get() != 'O' || b.get() != 'D') {
            throw new H5Input.Refused("no symbol table node (signature SNOD) at " + address);
        }
        b.get();
        b.get();
        int symbols = b.getShort() & 0xffff;
        int entry = 2 * offsets + 24;
        ByteBuffer n = read(address, 8 + (long) symbols * entry);
        for (int i = 0; i < symbols; i++) {
            n.position(8 + i * entry + offsets);
            objects.push(offset(n));
        }
    }

    private void once(long address, String what) {
        if (!nodes.add(address)) {
            throw new H5Input.Refused(what + " at " + address + " is reached twice (a cycle or a shared subtree)");
        }
        spend(what, address);
    }

    private void spend(String what, long address) {
        if (++spent > budget) {
            throw new H5Input.Refused("more structures than a " + storage.size() + "-byte file can hold (at "
                    + what + " " + address + ")");
        }
    }

    private ByteBuffer read(long address, long length) {
        if (address < 0 || length > storage.size() || address > storage.size() - length) {
            throw new H5Input.Refused(length + " bytes at " + address + " lie beyond the end of the "
                    + storage.size() + "-byte file");
        }
        return storage.readBufferFromAddress(address, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private long offset(ByteBuffer b) {
        return switch (offsets) {
            case 2 -> b.getShort() & 0xffffL;
            case 4 -> b.getInt() & 0xffffffffL;
            default -> b.getLong();
        };
    }

    private boolean defined(long address) {
        return address != -1L && !(offsets == 4 && address == 0xffffffffL) && !(offsets == 2 && address == 0xffffL);
    }
}
