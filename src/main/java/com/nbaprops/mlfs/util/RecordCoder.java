package com.nbaprops.mlfs.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * An explicit, deterministic coder for Java records whose components are {@code String}, {@code
 * Long}, {@code Integer}, {@code Double}, {@code Boolean} (or their primitives), {@link LocalDate},
 * {@link Instant}, other such records, {@code List}s of any of these, or {@code Map}s of them
 * (decoded as insertion-ordered maps, so a map built in a deterministic order encodes canonically).
 * Every boxed component may be null.
 *
 * <p>The wire format is derived once from the record's declaration (component order), so a record
 * class is its own schema: no hand-written coder per value class, and no Java serialization. A
 * value is written as a length-prefixed byte block built in an unsynchronized buffer: the
 * DirectRunner encodes and decodes shuffled values many times, and per-field stream calls
 * dominated its profile.
 */
public final class RecordCoder<T extends Record> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient Codec codec;

  private RecordCoder(Class<T> type) {
    this.type = type;
  }

  public static <T extends Record> RecordCoder<T> of(Class<T> type) {
    return new RecordCoder<>(type);
  }

  private Codec codec() {
    if (codec == null) {
      codec = codecFor(type);
    }
    return codec;
  }

  @Override
  public void encode(T value, OutputStream outStream) throws IOException {
    if (value == null) {
      throw new CoderException("RecordCoder<" + type.getSimpleName() + "> cannot encode null");
    }
    Buf b = new Buf();
    codec().write(b, value);
    VarInt.encode(b.len, outStream);
    outStream.write(b.bytes, 0, b.len);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T decode(InputStream inStream) throws IOException {
    int len = VarInt.decodeInt(inStream);
    byte[] bytes = new byte[len];
    int read = 0;
    while (read < len) {
      int n = inStream.read(bytes, read, len - read);
      if (n < 0) {
        throw new CoderException("RecordCoder<" + type.getSimpleName() + ">: truncated value");
      }
      read += n;
    }
    Cursor c = new Cursor(bytes);
    return (T) codec().read(c);
  }

  @Override
  public void verifyDeterministic() {
    // Every codec below writes a canonical byte sequence for equal values.
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordCoder<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "RecordCoder<" + type.getName() + ">";
  }

  // ---------------------------------------------------------------- buffers

  /** A growable, unsynchronized output buffer. */
  static final class Buf {
    byte[] bytes = new byte[256];
    int len;

    void ensure(int more) {
      if (len + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, len + more));
      }
    }

    void writeByte(int v) {
      ensure(1);
      bytes[len++] = (byte) v;
    }

    void writeInt(int v) {
      ensure(4);
      bytes[len++] = (byte) (v >>> 24);
      bytes[len++] = (byte) (v >>> 16);
      bytes[len++] = (byte) (v >>> 8);
      bytes[len++] = (byte) v;
    }

    void writeLong(long v) {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }

    void writeBytes(byte[] b) {
      writeInt(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, bytes, len, b.length);
      len += b.length;
    }
  }

  /** A reading position in a byte array. */
  static final class Cursor {
    final byte[] bytes;
    int pos;

    Cursor(byte[] bytes) {
      this.bytes = bytes;
    }

    int readByte() throws CoderException {
      if (pos >= bytes.length) {
        throw new CoderException("RecordCoder: value ends early");
      }
      return bytes[pos++];
    }

    int readInt() throws CoderException {
      if (pos + 4 > bytes.length) {
        throw new CoderException("RecordCoder: value ends early");
      }
      int v = ((bytes[pos] & 0xff) << 24) | ((bytes[pos + 1] & 0xff) << 16)
          | ((bytes[pos + 2] & 0xff) << 8) | (bytes[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    long readLong() throws CoderException {
      return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    String readString() throws CoderException {
      int n = readInt();
      if (n < 0 || pos + n > bytes.length) {
        throw new CoderException("RecordCoder: bad string length " + n);
      }
      String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }

  // ---------------------------------------------------------------- codecs

  private interface Codec {
    void write(Buf out, Object value);

    Object read(Cursor in) throws CoderException;
  }

  private static Codec codecFor(Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == List.class
        && p.getActualTypeArguments()[0] == Double.class) {
      return doubleListCodec(nullable(codecFor(Double.class)));
    }
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      return listCodec(nullable(codecFor(p.getActualTypeArguments()[0])));
    }
    if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return mapCodec(nullable(codecFor(p.getActualTypeArguments()[0])),
          nullable(codecFor(p.getActualTypeArguments()[1])));
    }
    if (!(t instanceof Class<?> c)) {
      throw new IllegalArgumentException("RecordCoder: unsupported component type " + t);
    }
    if (c.isPrimitive()) {
      if (c != long.class && c != int.class && c != double.class && c != boolean.class) {
        throw new IllegalArgumentException("RecordCoder: unsupported primitive " + c);
      }
      return codecFor(MethodType.methodType(c).wrap().returnType()); // its wrapper class
    }
    return c.isRecord() ? recordCodec(c) : scalarCodec(c);
  }

  private static Codec listCodec(Codec element) {
    return new Codec() {
      @Override
      public void write(Buf out, Object value) {
        List<?> list = (List<?>) value;
        out.writeInt(list.size());
        for (Object o : list) {
          element.write(out, o);
        }
      }

      @Override
      public Object read(Cursor in) throws CoderException {
        int n = in.readInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(element.read(in));
        }
        return Collections.unmodifiableList(list);
      }
    };
  }

  private static Codec scalarCodec(Class<?> c) {
    if (c == String.class) {
      return codec((b, v) -> b.writeBytes(((String) v).getBytes(StandardCharsets.UTF_8)),
          Cursor::readString);
    } else if (c == Long.class) {
      return codec((b, v) -> b.writeLong((Long) v), Cursor::readLong);
    } else if (c == Integer.class) {
      return codec((b, v) -> b.writeInt((Integer) v), Cursor::readInt);
    } else if (c == Double.class) {
      return codec((b, v) -> b.writeLong(Double.doubleToLongBits((Double) v)),
          in -> Double.longBitsToDouble(in.readLong()));
    } else if (c == Boolean.class) {
      return codec((b, v) -> b.writeByte((Boolean) v ? 1 : 0), in -> in.readByte() != 0);
    } else if (c == LocalDate.class) {
      return codec((b, v) -> b.writeLong(((LocalDate) v).toEpochDay()),
          in -> LocalDate.ofEpochDay(in.readLong()));
    } else if (c == Instant.class) {
      return codec((b, v) -> {
        b.writeLong(((Instant) v).getEpochSecond());
        b.writeInt(((Instant) v).getNano());
      }, in -> Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }
    throw new IllegalArgumentException("RecordCoder: unsupported component type " + c.getName());
  }

  private static Codec mapCodec(Codec key, Codec value) {
    return new Codec() {
      @Override
      public void write(Buf out, Object v) {
        Map<?, ?> map = (Map<?, ?>) v;
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          key.write(out, e.getKey());
          value.write(out, e.getValue());
        }
      }

      @Override
      public Object read(Cursor in) throws CoderException {
        int n = in.readInt();
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(key.read(in), value.read(in));
        }
        return Collections.unmodifiableMap(map);
      }
    };
  }

  private interface Writer {
    void write(Buf b, Object v);
  }

  private interface Reader {
    Object read(Cursor in) throws CoderException;
  }

  private static Codec codec(Writer w, Reader r) {
    return new Codec() {
      @Override
      public void write(Buf out, Object value) {
        w.write(out, value);
      }

      @Override
      public Object read(Cursor in) throws CoderException {
        return r.read(in);
      }
    };
  }

  private static Codec recordCodec(Class<?> c) {
    RecordComponent[] comps = c.getRecordComponents();
    Codec[] codecs = new Codec[comps.length];
    Class<?>[] rawTypes = new Class<?>[comps.length];
    Function<Object, Object>[] getters = Accessors.getters(c);
    for (int i = 0; i < comps.length; i++) {
      codecs[i] = nullable(codecFor(comps[i].getGenericType()));
      rawTypes[i] = comps[i].getType();
    }
    MethodHandle ctor;
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
      ctor = lookup.findConstructor(c, MethodType.methodType(void.class, rawTypes))
          .asSpreader(Object[].class, comps.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("RecordCoder: no canonical constructor for " + c, e);
    }
    return new Codec() {
      @Override
      public void write(Buf out, Object value) {
        for (int i = 0; i < codecs.length; i++) {
          codecs[i].write(out, getters[i].apply(value));
        }
      }

      @Override
      public Object read(Cursor in) throws CoderException {
        Object[] args = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
          args[i] = codecs[i].read(in);
        }
        try {
          return (Object) ctor.invokeExact(args);
        } catch (Throwable e) {
          throw new CoderException("cannot build " + c.getName(), e);
        }
      }
    };
  }

  /** A {@code List<Double>}, encoded as any list, decoded as a {@link DoubleList} if no null. */
  private static Codec doubleListCodec(Codec element) {
    return codec((out, value) -> {
      List<?> list = (List<?>) value;
      out.writeInt(list.size());
      for (Object o : list) {
        element.write(out, o);
      }
    }, in -> {
      Object[] boxed = new Object[in.readInt()];
      double[] values = new double[boxed.length];
      boolean nulls = false;
      for (int i = 0; i < boxed.length; i++) {
        boxed[i] = element.read(in);
        nulls |= boxed[i] == null;
        values[i] = nulls ? 0 : (Double) boxed[i];
      }
      return nulls ? Collections.unmodifiableList(java.util.Arrays.asList(boxed))
          : DoubleList.wrap(values);
    });
  }

  private static Codec nullable(Codec inner) {
    return new Codec() {
      @Override
      public void write(Buf out, Object value) {
        out.writeByte(value != null ? 1 : 0);
        if (value != null) {
          inner.write(out, value);
        }
      }

      @Override
      public Object read(Cursor in) throws CoderException {
        return in.readByte() != 0 ? inner.read(in) : null;
      }
    };
  }
}
