package com.nbaprops.mlfs.util;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * An explicit, deterministic coder for flat Java records whose components are {@code String},
 * {@code Long}, {@code Integer}, {@code Double}, {@code Boolean}, {@link LocalDate}, {@link Instant},
 * other such records, or {@code List}s of any of these. Every component may be null.
 *
 * <p>The wire format is derived once from the record's declaration (component order), so a record
 * class is its own schema: no hand-written coder per value class, and no Java serialization.
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
    codec().write(new DataOutputStream(outStream), value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T decode(InputStream inStream) throws IOException {
    return (T) codec().read(new DataInputStream(inStream));
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

  // ---------------------------------------------------------------- codecs

  private interface Codec {
    void write(DataOutputStream out, Object value) throws IOException;

    Object read(DataInputStream in) throws IOException;
  }

  private static Codec codecFor(Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      Codec element = nullable(codecFor(p.getActualTypeArguments()[0]));
      return new Codec() {
        @Override
        public void write(DataOutputStream out, Object value) throws IOException {
          List<?> list = (List<?>) value;
          out.writeInt(list.size());
          for (Object o : list) {
            element.write(out, o);
          }
        }

        @Override
        public Object read(DataInputStream in) throws IOException {
          int n = in.readInt();
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(element.read(in));
          }
          return Collections.unmodifiableList(list);
        }
      };
    }
    if (!(t instanceof Class<?> c)) {
      throw new IllegalArgumentException("RecordCoder: unsupported component type " + t);
    }
    if (c == String.class) {
      return new Codec() {
        @Override
        public void write(DataOutputStream out, Object v) throws IOException {
          byte[] b = ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          out.writeInt(b.length);
          out.write(b);
        }

        @Override
        public Object read(DataInputStream in) throws IOException {
          byte[] b = new byte[in.readInt()];
          in.readFully(b);
          return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
      };
    }
    if (c == Long.class) {
      return simple(out -> v -> out.writeLong((Long) v), DataInputStream::readLong);
    }
    if (c == Integer.class) {
      return simple(out -> v -> out.writeInt((Integer) v), DataInputStream::readInt);
    }
    if (c == Double.class) {
      return simple(out -> v -> out.writeDouble((Double) v), DataInputStream::readDouble);
    }
    if (c == Boolean.class) {
      return simple(out -> v -> out.writeBoolean((Boolean) v), DataInputStream::readBoolean);
    }
    if (c == LocalDate.class) {
      return simple(
          out -> v -> out.writeLong(((LocalDate) v).toEpochDay()),
          in -> LocalDate.ofEpochDay(in.readLong()));
    }
    if (c == Instant.class) {
      return simple(
          out -> v -> {
            out.writeLong(((Instant) v).getEpochSecond());
            out.writeInt(((Instant) v).getNano());
          },
          in -> Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }
    if (c.isRecord()) {
      return recordCodec(c);
    }
    throw new IllegalArgumentException("RecordCoder: unsupported component type " + c.getName());
  }

  private static Codec recordCodec(Class<?> c) {
    RecordComponent[] comps = c.getRecordComponents();
    Codec[] codecs = new Codec[comps.length];
    Class<?>[] rawTypes = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      codecs[i] = nullable(codecFor(comps[i].getGenericType()));
      rawTypes[i] = comps[i].getType();
      comps[i].getAccessor().setAccessible(true);
    }
    Constructor<?> ctor;
    try {
      ctor = c.getDeclaredConstructor(rawTypes);
      ctor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("RecordCoder: no canonical constructor for " + c, e);
    }
    return new Codec() {
      @Override
      public void write(DataOutputStream out, Object value) throws IOException {
        for (int i = 0; i < comps.length; i++) {
          Object v;
          try {
            v = comps[i].getAccessor().invoke(value);
          } catch (ReflectiveOperationException e) {
            throw new CoderException("cannot read " + comps[i].getName() + " of " + c, e);
          }
          codecs[i].write(out, v);
        }
      }

      @Override
      public Object read(DataInputStream in) throws IOException {
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
          args[i] = codecs[i].read(in);
        }
        try {
          return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
          throw new CoderException("cannot build " + c.getName(), e);
        }
      }
    };
  }

  private static Codec nullable(Codec inner) {
    return new Codec() {
      @Override
      public void write(DataOutputStream out, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
          inner.write(out, value);
        }
      }

      @Override
      public Object read(DataInputStream in) throws IOException {
        return in.readBoolean() ? inner.read(in) : null;
      }
    };
  }

  private interface Writer {
    void write(Object v) throws IOException;
  }

  private interface Reader {
    Object read(DataInputStream in) throws IOException;
  }

  private static Codec simple(java.util.function.Function<DataOutputStream, Writer> w, Reader r) {
    Objects.requireNonNull(w);
    return new Codec() {
      @Override
      public void write(DataOutputStream out, Object value) throws IOException {
        w.apply(out).write(value);
      }

      @Override
      public Object read(DataInputStream in) throws IOException {
        return r.read(in);
      }
    };
  }
}
