package com.nbaprops.mlfs.tools;

import java.util.ArrayList;
import java.util.List;

/** One synthetic player of the sample league and its running state (team, injuries, form). */
final class Player {
  /** The synthetic name parts (some with diacritics, suffixes and apostrophes, as real names). */
  static final String[] FIRST = {"Jalen", "Marcus", "Darius", "Tyrese", "Luka", "Nikola",
      "Andre", "Malik", "Jordan", "Cameron", "Devin", "Isaiah", "Kevin", "Zion", "Trey", "Miles",
      "Jaylen", "Aaron", "Bojan", "Dennis", "Goran", "Jonas", "Killian", "Ousmane", "Théo",
      "Rudy", "Dāvis", "Álex", "Deni", "Josh"};
  static final String[] LAST = {"Walker", "Brooks", "Hayes", "Carter", "Vučević",
      "Okafor", "Mitchell", "Bridges", "Holloway", "Reed", "Porter Jr.", "Thompson", "Jokanović",
      "Ellison", "Fournier", "Dončić", "Ivey", "McBride", "Sabonis", "Nurkić", "Bertāns",
      "Ayton", "Green", "Harrison", "Lopez", "Williams", "Moreno", "Kessler", "Garland",
      "Valančiūnas", "Murray", "O'Neale", "Dieng", "Sengün", "Watford", "Şahin", "Kuminga",
      "Nembhard", "Strus", "Quickley"};

  final int id;
  final String name;
  final String lookup;
  String team;
  double baseMinutes;
  final double ppm;
  final double threeShare;
  final double paintShare;
  final double ftRate;
  double dnpProb;
  int injuredGames;
  boolean returning;
  final List<Integer> recentPoints = new ArrayList<>();

  Player(int id, String name, String team, double baseMinutes, double ppm, double threeShare,
      double paintShare, double ftRate, double dnpProb) {
    this.id = id;
    this.name = name;
    this.lookup = PlayerNames.lookup(name);
    this.team = team;
    this.baseMinutes = baseMinutes;
    this.ppm = ppm;
    this.threeShare = threeShare;
    this.paintShare = paintShare;
    this.ftRate = ftRate;
    this.dnpProb = dnpProb;
  }

  String upid() {
    return String.format("synth_%05d", id);
  }
}
