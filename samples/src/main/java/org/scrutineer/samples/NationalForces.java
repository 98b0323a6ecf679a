package org.scrutineer.samples;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.scrutineer.pipeline.schema.EthnicGroup;

/**
 * The forces of a synthetic national run: the 43 territorial forces of England and Wales with their
 * real slugs, names and numbers of districts and Community Safety Partnerships (the 2022
 * LAD-CSP-PFA lookup), and British Transport Police, which has no resident population. Everything
 * else is drawn, not real: district and CSP codes in ranges no real area uses ({@code E0x9xxxxx},
 * {@code W069xxxxx}, {@code E229xxxxx}, {@code E239xxxxx}), residents of each group, search rates
 * and ratios, from a random stream of the seed. The draws give about 59 million residents, about
 * half of London's from minority groups and a sixth nationally, and about half a million person
 * searches a year.
 */
final class NationalForces {
  /** How a force's districts are drawn. */
  private enum Kind {
    LONDON(200_000, 150_000, 0.30, 0.35, 1, 14.0),
    CITY(8_600, 0, 0.30, 0, 1, 20.0),
    METROPOLITAN(230_000, 200_000, 0.06, 0.40, 2, 7.0),
    SHIRE(80_000, 135_000, 0.02, 0.16, 2, 4.0);

    final int minResidents;
    final int residentsRange;
    final double minMinority;
    final double minorityRange;
    final int minoritySkew;
    final double whiteRate;

    Kind(
        int minResidents,
        int residentsRange,
        double minMinority,
        double minorityRange,
        int minoritySkew,
        double whiteRate) {
      this.minResidents = minResidents;
      this.residentsRange = residentsRange;
      this.minMinority = minMinority;
      this.minorityRange = minorityRange;
      this.minoritySkew = minoritySkew;
      this.whiteRate = whiteRate;
    }
  }

  /** Slug, name, districts, CSPs and kind of each territorial force. */
  private static final Object[][] FORCES = {
    {"metropolitan", "Metropolitan Police", 32, 32, Kind.LONDON},
    {"cumbria", "Cumbria", 6, 6, Kind.SHIRE},
    {"lancashire", "Lancashire", 14, 14, Kind.SHIRE},
    {"merseyside", "Merseyside", 5, 5, Kind.METROPOLITAN},
    {"greater-manchester", "Greater Manchester", 10, 10, Kind.METROPOLITAN},
    {"cheshire", "Cheshire", 4, 4, Kind.SHIRE},
    {"northumbria", "Northumbria", 6, 6, Kind.METROPOLITAN},
    {"durham", "Durham", 2, 2, Kind.SHIRE},
    {"north-yorkshire", "North Yorkshire", 8, 2, Kind.SHIRE},
    {"west-yorkshire", "West Yorkshire", 5, 5, Kind.METROPOLITAN},
    {"south-yorkshire", "South Yorkshire", 4, 4, Kind.METROPOLITAN},
    {"humberside", "Humberside", 4, 4, Kind.SHIRE},
    {"cleveland", "Cleveland", 4, 4, Kind.SHIRE},
    {"west-midlands", "West Midlands", 7, 7, Kind.METROPOLITAN},
    {"staffordshire", "Staffordshire", 9, 9, Kind.SHIRE},
    {"west-mercia", "West Mercia", 9, 5, Kind.SHIRE},
    {"warwickshire", "Warwickshire", 5, 4, Kind.SHIRE},
    {"derbyshire", "Derbyshire", 9, 9, Kind.SHIRE},
    {"nottinghamshire", "Nottinghamshire", 8, 6, Kind.SHIRE},
    {"lincolnshire", "Lincolnshire", 7, 7, Kind.SHIRE},
    {"leicestershire", "Leicestershire", 9, 9, Kind.SHIRE},
    {"northamptonshire", "Northamptonshire", 2, 2, Kind.SHIRE},
    {"cambridgeshire", "Cambridgeshire", 6, 6, Kind.SHIRE},
    {"norfolk", "Norfolk", 7, 7, Kind.SHIRE},
    {"suffolk", "Suffolk", 5, 3, Kind.SHIRE},
    {"bedfordshire", "Bedfordshire", 3, 3, Kind.SHIRE},
    {"hertfordshire", "Hertfordshire", 10, 10, Kind.SHIRE},
    {"essex", "Essex", 14, 14, Kind.SHIRE},
    {"thames-valley", "Thames Valley", 13, 13, Kind.SHIRE},
    {"hampshire", "Hampshire", 14, 12, Kind.SHIRE},
    {"surrey", "Surrey", 11, 11, Kind.SHIRE},
    {"kent", "Kent", 13, 12, Kind.SHIRE},
    {"sussex", "Sussex", 13, 13, Kind.SHIRE},
    {"city-of-london", "London, City of", 1, 1, Kind.CITY},
    {"devon-and-cornwall", "Devon & Cornwall", 12, 8, Kind.SHIRE},
    {"avon-and-somerset", "Avon and Somerset", 8, 5, Kind.SHIRE},
    {"gloucestershire", "Gloucestershire", 6, 6, Kind.SHIRE},
    {"wiltshire", "Wiltshire", 2, 2, Kind.SHIRE},
    {"dorset", "Dorset", 2, 2, Kind.SHIRE},
    {"north-wales", "North Wales", 6, 6, Kind.SHIRE},
    {"gwent", "Gwent", 5, 5, Kind.SHIRE},
    {"south-wales", "South Wales", 7, 6, Kind.SHIRE},
    {"dyfed-powys", "Dyfed-Powys", 4, 4, Kind.SHIRE},
  };

  private NationalForces() {}

  /**
   * The 44 forces, territorial first (in the lookup's order), British Transport Police last, with
   * residents multiplied by {@code scale}.
   */
  static List<SyntheticForce> forces(long seed, double scale) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x4E41_5449_4F4EL);
    List<SyntheticForce> forces = new ArrayList<>();
    int district = 0;
    int csp = 0;
    for (int f = 0; f < FORCES.length; f++) {
      String slug = (String) FORCES[f][0];
      String name = (String) FORCES[f][1];
      int districts = (Integer) FORCES[f][2];
      int csps = (Integer) FORCES[f][3];
      Kind kind = (Kind) FORCES[f][4];
      boolean wales = f >= FORCES.length - 4;
      Map<EthnicGroup, Double> ratios = ratios(random);
      List<SyntheticArea> areas = new ArrayList<>();
      for (int d = 0; d < districts; d++) {
        String code =
            String.format(
                "%s%05d", wales ? "W069" : kind == Kind.SHIRE ? "E079" : "E089", ++district);
        int c = csp + 1 + d % csps;
        areas.add(
            new SyntheticArea(
                code,
                districts == 1 ? name : name + " " + (d + 1),
                String.format("%s%05d", wales ? "W229" : "E229", c),
                csps == 1 ? name + " CSP" : name + " CSP " + (1 + d % csps),
                residents(kind, random, scale),
                kind.whiteRate,
                ratios));
      }
      csp += csps;
      forces.add(
          new SyntheticForce(
              slug,
              name,
              String.format("%s%05d", wales ? "W159" : "E239", f + 1),
              false,
              areas,
              Set.of(),
              true));
    }
    // BTP: searches on the railways, drawn as from about 600,000 travellers a day; it has no
    // residents, so its records carry no place and no rate can be published for it.
    Map<EthnicGroup, Long> travellers = new EnumMap<>(EthnicGroup.class);
    travellers.put(EthnicGroup.WHITE, Math.round(480_000 * scale));
    travellers.put(EthnicGroup.BLACK, Math.round(40_000 * scale));
    travellers.put(EthnicGroup.ASIAN, Math.round(50_000 * scale));
    travellers.put(EthnicGroup.MIXED, Math.round(18_000 * scale));
    travellers.put(EthnicGroup.OTHER, Math.round(12_000 * scale));
    forces.add(
        new SyntheticForce(
            "btp",
            "British Transport Police",
            "BTP",
            false,
            List.of(
                new SyntheticArea(
                    "BTP-NETWORK",
                    "Railway network",
                    "BTP-NETWORK",
                    "Railway network",
                    travellers,
                    10.0,
                    ratios(random))),
            Set.of(),
            false));
    return forces;
  }

  /**
   * A force's ratios to White: Black 3.5 to 6, Asian 1.2 to 2.2, Mixed 1.5 to 2.5, Other 1 to 1.6.
   */
  private static Map<EthnicGroup, Double> ratios(SplittableRandom random) {
    Map<EthnicGroup, Double> ratios = new EnumMap<>(EthnicGroup.class);
    ratios.put(EthnicGroup.WHITE, 1.0);
    ratios.put(EthnicGroup.BLACK, round(3.5 + 2.5 * random.nextDouble()));
    ratios.put(EthnicGroup.ASIAN, round(1.2 + random.nextDouble()));
    ratios.put(EthnicGroup.MIXED, round(1.5 + random.nextDouble()));
    ratios.put(EthnicGroup.OTHER, round(1.0 + 0.6 * random.nextDouble()));
    return ratios;
  }

  private static Map<EthnicGroup, Long> residents(
      Kind kind, SplittableRandom random, double scale) {
    double total = kind.minResidents + kind.residentsRange * random.nextDouble();
    double minority =
        kind.minMinority + kind.minorityRange * Math.pow(random.nextDouble(), kind.minoritySkew);
    boolean london = kind == Kind.LONDON || kind == Kind.CITY;
    double[] split = london ? new double[] {0.38, 0.30, 0.14} : new double[] {0.50, 0.20, 0.18};
    Map<EthnicGroup, Long> residents = new EnumMap<>(EthnicGroup.class);
    long minorityResidents = Math.round(total * minority * scale);
    long asian = Math.round(minorityResidents * split[0]);
    long black = Math.round(minorityResidents * split[1]);
    long mixed = Math.round(minorityResidents * split[2]);
    residents.put(EthnicGroup.WHITE, Math.round(total * scale) - minorityResidents);
    residents.put(EthnicGroup.BLACK, black);
    residents.put(EthnicGroup.ASIAN, asian);
    residents.put(EthnicGroup.MIXED, mixed);
    residents.put(EthnicGroup.OTHER, minorityResidents - asian - black - mixed);
    return residents;
  }

  private static double round(double ratio) {
    return Math.round(ratio * 100) / 100.0;
  }
}
