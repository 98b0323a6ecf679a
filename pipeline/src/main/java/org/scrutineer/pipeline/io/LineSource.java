package org.scrutineer.pipeline.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/** Lines of text for {@link CsvRecordReader}, each knowing whether its bytes were valid text. */
interface LineSource extends Closeable {
  /** The next line without its line break, or {@code null} at the end. */
  String readLine() throws IOException;

  /** Whether the last line returned held bytes that are not text in the source's encoding. */
  boolean lastLineMalformed();

  /** Lines of already-decoded text. */
  static LineSource of(Reader reader) {
    BufferedReader buffered =
        reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    return new LineSource() {
      @Override
      public String readLine() throws IOException {
        return buffered.readLine();
      }

      @Override
      public boolean lastLineMalformed() {
        return false;
      }

      @Override
      public void close() throws IOException {
        buffered.close();
      }
    };
  }

  /**
   * Lines of a byte stream in {@code charset}, split on the byte {@code \n} (with a preceding
   * {@code \r} dropped) and decoded one at a time, so a line with bytes that are not valid text is
   * marked rather than silently given replacement characters. Needs a charset in which a line break
   * is the single byte 10 (UTF-8 and the single-byte charsets); any other is decoded strictly as a
   * whole stream, failing the read on a bad byte.
   */
  static LineSource of(InputStream in, Charset charset) {
    byte[] newline = "\n".getBytes(charset);
    if (newline.length != 1 || newline[0] != '\n') {
      return of(new InputStreamReader(in, strictDecoder(charset)));
    }
    return new ByteLines(in, charset);
  }

  /** A decoder that reports bytes that are not text instead of replacing them. */
  static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Byte-level line splitting with per-line strict decoding. */
  final class ByteLines implements LineSource {
    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder strict;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private boolean malformed;

    ByteLines(InputStream in, Charset charset) {
      this.in = in;
      this.charset = charset;
      this.strict = strictDecoder(charset);
    }

    @Override
    public String readLine() throws IOException {
      int length = 0;
      boolean any = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (!any) {
              return null;
            }
            break;
          }
        }
        any = true;
        byte b = buffer[position++];
        if (b == '\n') {
          break;
        }
        if (length == line.length) {
          line = Arrays.copyOf(line, length * 2);
        }
        line[length++] = b;
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      String text = new String(line, 0, length, charset);
      malformed = text.indexOf('\uFFFD') >= 0 && !decodes(length);
      return text;
    }

    /** Whether the line's bytes decode strictly (a U+FFFD may be genuine text). */
    private boolean decodes(int length) {
      try {
        strict.reset().decode(ByteBuffer.wrap(line, 0, length));
        return true;
      } catch (CharacterCodingException e) {
        return false;
      }
    }

    @Override
    public boolean lastLineMalformed() {
      return malformed;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
