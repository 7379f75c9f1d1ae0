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
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The bytes of a staged chunk: a magic number, then records, each the item's group resource,
 * version, kind, namespace and name in modified UTF-8 followed by the length and bytes of its JSON,
 * then an end mark, the count of records and a CRC-32 of all that, which tell a complete chunk from
 * a cut or damaged one. Length-prefixed rather than line-based because an object's name may hold
 * any character but {@code /}. Not compressed: staging is read back once, soon, and compressing it
 * cost more than the rest of the listing (the archive is compressed anyway).
 */
final class StagedChunkCodec {

  /** {@code TBS1}: Tugboat staging, format 1. */
  private static final int MAGIC = 0x54425331;

  private static final int END = -1;
  private static final int BUFFER_SIZE = 1 << 16;

  private StagedChunkCodec() {}

  static void write(List<StagedItem> items, OutputStream out) throws IOException {
    CheckedOutputStream checked =
        new CheckedOutputStream(new BufferedOutputStream(out, BUFFER_SIZE), new CRC32());
    DataOutputStream data = new DataOutputStream(checked);
    data.writeInt(MAGIC);
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
    data.writeInt((int) checked.getChecksum().getValue());
    data.close();
  }

  /**
   * Hands each item of a chunk to {@code consumer}, in the order written.
   *
   * @throws IOException when the chunk is cut short or damaged
   */
  static int read(InputStream in, StagedItemConsumer consumer, String chunkName)
      throws IOException {
    CheckedInputStream checked =
        new CheckedInputStream(new BufferedInputStream(in, BUFFER_SIZE), new CRC32());
    DataInputStream data = new DataInputStream(checked);
    try {
      if (data.readInt() != MAGIC) {
        throw new IOException("staged chunk " + chunkName + " is damaged: not a staged chunk");
      }
      int count = 0;
      while (true) {
        int length = data.readInt();
        if (length == END) {
          int written = data.readInt();
          int expectedChecksum = (int) checked.getChecksum().getValue();
          if (data.readInt() != expectedChecksum) {
            throw new IOException("staged chunk " + chunkName + " is damaged: wrong checksum");
          }
          if (written != count) {
            throw new IOException(
                "staged chunk " + chunkName + " holds " + count + " items, not " + written);
          }
          return count;
        }
        if (length < 0) {
          throw new IOException(
              "staged chunk " + chunkName + " is damaged: an item of " + length + " bytes");
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
    } catch (UTFDataFormatException e) {
      throw new IOException("staged chunk " + chunkName + " is damaged: " + e.getMessage(), e);
    }
  }
}
