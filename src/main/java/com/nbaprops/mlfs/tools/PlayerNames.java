package com.nbaprops.mlfs.tools;

import java.text.Normalizer;
import java.util.Locale;

/** The contract's {@code player_lookup}: accents folded, lower-cased, letters and digits only. */
public final class PlayerNames {
  private PlayerNames() {}

  public static String lookup(String name) {
    if (name == null) {
      return null;
    }
    String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    folded = folded.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
        .replace("đ", "d").replace("Đ", "D").replace("ß", "ss");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
