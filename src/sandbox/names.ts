/**
 * @module sandbox/names
 * Word lists the sandbox draws names from. Every person and center is an invented combination of
 * these lists, so no record describes a real child, family or business; the lists are long enough
 * that a 60-child center rarely repeats a full name.
 */

// biome-ignore format: word lists read best packed
export const childFirstNames = [
  "Ava", "Mateo", "Nora", "Eli", "Zara", "Milo", "Luna", "Theo", "Iris", "Jonah",
  "Maya", "Felix", "Ruby", "Omar", "Hazel", "Leo", "Esme", "Kai", "Priya", "Owen",
  "Lila", "Ezra", "Sofia", "Arlo", "Wren", "Diego", "Mira", "Silas", "Ada", "Rowan",
  "Amara", "Jasper", "Clara", "Ravi", "Juniper", "Noah", "Talia", "Finn", "Isla", "Caleb",
  "Naomi", "Rafael", "Pippa", "Hugo", "Yara", "Emmett", "Celia", "Tobias", "Ines", "Micah",
  "Aurora", "Dante", "Lena", "Otis", "Freya", "Ibrahim", "Maren", "Quinn", "Sage", "Beckett",
] as const;

// biome-ignore format: word lists read best packed
export const womenFirstNames = [
  "Alicia", "Denise", "Renee", "Tamsin", "Joelle", "Meredith", "Bianca", "Colleen", "Farah",
  "Lorraine", "Paloma", "Simone", "Yvette", "Carmen", "Estelle", "Gloria", "Imani", "Kendra",
  "Monique", "Odessa", "Rosalind", "Tabitha", "Valeria", "Xiomara", "Zelda", "Annika", "Corinne",
  "Elodie",
] as const;

// biome-ignore format: word lists read best packed
export const menFirstNames = [
  "Marcus", "Victor", "Graham", "Hector", "Curtis", "Anand", "Desmond", "Raymond", "Gordon",
  "Nikhil", "Everett", "Wesley", "Bernard", "Dominic", "Franklin", "Harlan", "Julian", "Lionel",
  "Nathaniel", "Preston", "Stellan", "Ulysses", "Winston", "Yusuf", "Bertrand", "Darnell",
] as const;

export const adultFirstNames = [...womenFirstNames, ...menFirstNames] as const;

/** Relationship words that say who the person is; the rest ("parent", "nanny") fit anyone. */
export const womenRelationships: ReadonlySet<string> = new Set(["mother", "grandmother", "aunt"]);
export const menRelationships: ReadonlySet<string> = new Set(["father", "grandfather", "uncle"]);

// biome-ignore format: word lists read best packed
export const lastNames = [
  "Ashdown", "Brightwell", "Calloway", "Delacroix", "Ellingsen", "Farrowby", "Galvanez", "Hartigan",
  "Ibarrola", "Jessup", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Pellerin",
  "Quintero", "Rosenthal", "Sandoval", "Thackeray", "Underhill", "Valdivia", "Whitlock", "Yarborough",
  "Zielinski", "Abernathy", "Bustamante", "Carrow", "Dunmore", "Estrada", "Fairbanks", "Gustafsen",
  "Holloway", "Iverson", "Jaramillo", "Kessler", "Larkspur", "Moreland", "Nightingale", "Oyelaran",
  "Pemberton", "Ravensworth", "Stroud", "Tolliver", "Umberger", "Vasquez-Lund", "Winslow", "Yeager",
  "Achterberg", "Birchfield", "Coutinho", "Driscoll", "Eberhardt", "Fennimore", "Greenhalgh",
  "Hollister", "Ingersoll", "Juarez-Kim", "Kettering", "Lockhart", "Mbeki-Stone", "Northcott",
] as const;

// biome-ignore format: word lists read best packed
export const centerNamePrefixes = [
  "Maple Grove", "Willow Bend", "Juniper Hill", "Bluebird Lane", "Acorn Hollow", "Riverstone",
  "Hollyhock", "Tamarack", "Sunny Meadow", "Cedar Creek", "Larkspur Commons", "Foxglove",
  "Silver Birch", "Harbor Light", "Clover Field", "Pinecone Ridge",
] as const;

export const centerNameSuffixes = [
  "Early Learning",
  "Child Development Center",
  "Learning Academy",
  "Children's Center",
  "Preschool & Child Care",
] as const;

/** Room names per age group; a center takes one of each. */
export const roomNames = {
  infant: ["Sprouts", "Nest", "Little Acorns"],
  toddler: ["Caterpillars", "Wobblers", "Tadpoles"],
  twos: ["Bumblebees", "Ladybugs", "Ducklings"],
  preschool: ["Explorers", "Owls", "Dragonflies"],
  school_age: ["Adventurers", "Trailblazers", "Navigators"],
} as const;

export const schoolNames = [
  "Brookside Elementary",
  "Orchard Park Elementary",
  "Lakeview Elementary",
  "Hawthorne Elementary",
] as const;

export const incidentDescriptions = [
  "Tripped on the climbing steps during free play and bumped forehead on the mat edge; small red mark, ice pack applied for 10 minutes, child calm and playing again. Parent to be notified at pick-up.",
  "Slipped near the water table and fell onto bottom, then hit elbow on the floor; no swelling, comforted and cold compress applied. Monitoring for the rest of the morning.",
  "Fell from the low riding toy and scraped left knee; area cleaned and bandaged, child returned to play within a few minutes.",
  "Lost balance on the soft-play ramp and knocked chin; slight redness, no bleeding, ice pack applied and child resting with a book.",
] as const;
