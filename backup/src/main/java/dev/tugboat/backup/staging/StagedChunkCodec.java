package dev.tugboat.backup.staging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The bytes of a staged chunk: a gzip stream (fastest level: staging is read once, soon) of
 * records, each the item's group resource, version, kind, namespace and name in modified UTF-8
 * followed by the length and bytes of its JSON, and a final count that tells a complete chunk from
 * a cut one. Length-prefixed rather than line-based because an object's name may hold any character
 * but {@code /}.
 */
final class StagedChunkCodec {

  private static final int END = -1;

  private StagedChunkCodec() {}

  static void write(List<StagedItem> items, OutputStream out) throws IOException {
    DataOutputStream data =
        new DataOutputStream(new BufferedOutputStream(new FastGzipOutputStream(out), 1 << 16));
    for (StagedItem item : items) {
      data.writeInt(item.json().length);
      data.writeUTF(item.groupResource());
      data.writeUTF(item.version());
      data.writeUTF(item.kind());
      data.writeUTF(item.namespace());
      data.writeUTF(item.name());
      data.write(item.json());
    }
    data.writeInt(END);
    data.writeInt(items.size());
    data.close();
  }

  /**
   * Hands each item of a chunk to {@code consumer}, in the order written.
   *
   * @throws IOException when the chunk is cut short or damaged
   */
  static int read(InputStream in, StagedItemConsumer consumer, String chunkName)
      throws IOException {
    // Opened inside the try: a chunk cut within its gzip header fails in the constructor. Closed
    // here so that each chunk's inflater is released at once, not when collected.
    try (DataInputStream data =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16))) {
      int count = 0;
      while (true) {
        int length = data.readInt();
        if (length == END) {
          int written = data.readInt();
          if (written != count) {
            throw new IOException(
                "staged chunk " + chunkName + " holds " + count + " items, not " + written);
          }
          return count;
        }
        String groupResource = data.readUTF();
        String version = data.readUTF();
        String kind = data.readUTF();
        String namespace = data.readUTF();
        String name = data.readUTF();
        byte[] json = data.readNBytes(length);
        if (json.length != length) {
          throw new EOFException();
        }
        consumer.accept(new StagedItem(groupResource, version, kind, namespace, name, json));
        count++;
      }
    } catch (EOFException e) {
      throw new IOException("staged chunk " + chunkName + " is cut short", e);
    } catch (ZipException | UTFDataFormatException e) {
      throw new IOException("staged chunk " + chunkName + " is damaged: " + e.getMessage(), e);
    }
  }

  /** Gzip at the fastest level. */
  private static final class FastGzipOutputStream extends GZIPOutputStream {

    FastGzipOutputStream(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
