package com.nbaprops.mlfs.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * A list of elements that travels encoded: {@link #elements()} decodes it with its element coder.
 * Its coder copies bytes, never elements, so a shuffle that clones grouped values (the
 * DirectRunner clones a key's values once per bundle) pays a memory copy instead of decoding and
 * re-encoding every field of every element.
 */
public final class Batch<T> {
  private final byte[] encoded;
  private final Coder<T> elementCoder;

  private Batch(byte[] encoded, Coder<T> elementCoder) {
    this.encoded = encoded;
    this.elementCoder = elementCoder;
  }

  public static <T> Batch<T> of(List<T> elements, Coder<T> elementCoder) {
    try {
      return new Batch<>(CoderUtils.encodeToByteArray(ListCoder.of(elementCoder), elements),
          elementCoder);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot encode a batch", e);
    }
  }

  /** The elements, in the order they were batched. */
  public List<T> elements() {
    try {
      return CoderUtils.decodeFromByteArray(ListCoder.of(elementCoder), encoded);
    } catch (CoderException e) {
      throw new IllegalStateException("corrupt batch", e);
    }
  }

  /** The coder of batches of elements encoded with {@code elementCoder}. */
  public static <T> Coder<Batch<T>> coder(Coder<T> elementCoder) {
    return new BatchCoder<>(elementCoder);
  }

  static final class BatchCoder<T> extends CustomCoder<Batch<T>> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> elementCoder;

    BatchCoder(Coder<T> elementCoder) {
      this.elementCoder = elementCoder;
    }

    @Override
    public void encode(Batch<T> value, OutputStream out) throws IOException {
      ByteArrayCoder.of().encode(value.encoded, out);
    }

    @Override
    public Batch<T> decode(InputStream in) throws IOException {
      return new Batch<>(ByteArrayCoder.of().decode(in), elementCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      elementCoder.verifyDeterministic();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BatchCoder<?> other && other.elementCoder.equals(elementCoder);
    }

    @Override
    public int hashCode() {
      return elementCoder.hashCode();
    }
  }
}
