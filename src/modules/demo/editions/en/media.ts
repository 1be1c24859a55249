import type { DemoMedia } from '../../demo.types.js';

/** English cartoons, news pictures, galleries and videos. Order matches the plan (demo-plan.ts) and the other editions. */
export const media: DemoMedia = {
  credits: {
    cartoons: ["Cartoon by Rana Aziz", "Cartoon by Tomas Veld", "Cartoon by Mina Sadeghi"],
    photos: ["Photo: Yusuf Demir / Nashr Review", "Photo: Elena Petrova / Nashr Review", "Photo: Karim Nasser / Nashr Review"],
    videos: ["Video: Nashr Review", "Video: Nashr Review and partners"],
  },

  cartoons: [
    { title: "The Long Queue", caption: "Voters wait patiently in a queue that winds around the town hall and back again.", alt: "Abstract cartoon of a long line of round figures curling around a building." },
    { title: "Budget Balancing Act", caption: "A city treasurer walks a tightrope while juggling roads, schools and parks.", alt: "Abstract cartoon of a figure balancing on a line with three circles in the air." },
    { title: "The Last Glacier", caption: "A lone glacier keeps a sunhat and a fan close at hand.", alt: "Abstract cartoon of a pale shape under a large orange sun." },
    { title: "Meeting Without End", caption: "The committee agrees to meet again to decide when to meet again.", alt: "Abstract cartoon of circles gathered around a long table that fades into the distance." },
    { title: "Rush Hour", caption: "Commuters discover that the new bus lane is also the only lane.", alt: "Abstract cartoon of coloured bands squeezed into one narrow stripe." },
    { title: "The Library Card", caption: "A child explains to a grandparent that the library now lends tools and seeds as well as books.", alt: "Abstract cartoon of a large and a small figure beside shelves of shapes." },
    { title: "Forecast: Uncertain", caption: "The weather presenter holds an umbrella, sunglasses and a scarf at the same time.", alt: "Abstract cartoon of a figure surrounded by sun, cloud and snow symbols." },
    { title: "Price Tags", caption: "Shoppers squint at price tags that seem to grow a little longer every week.", alt: "Abstract cartoon of tall labels rising above small baskets." },
    { title: "Water Bill", caption: "A dripping tap is sent to a meeting to explain itself.", alt: "Abstract cartoon of a tap with a single blue drop facing a row of circles." },
    { title: "The Roundabout", caption: "Negotiators keep circling the same roundabout, each waiting for the other to take the exit.", alt: "Abstract cartoon of small shapes moving around a large ring." },
    { title: "Homework Machine", caption: "A student builds a machine to do homework, then has to write a report on how it works.", alt: "Abstract cartoon of a box with gears next to a small figure holding paper." },
    { title: "Quiet Please", caption: "In the museum, even the portraits seem to ask visitors to lower their voices.", alt: "Abstract cartoon of framed shapes on a wall above a row of visitors." },
  ],

  newspics: [
    { title: "Morning Market", caption: "Traders set out fruit and vegetables at dawn before the first customers arrive.", alt: "Abstract picture in warm colours suggesting stalls and baskets in early light." },
    { title: "New Footbridge Opens", caption: "Residents cross a new footbridge that links two neighbourhoods divided by a river.", alt: "Abstract picture of a thin arc spanning a band of blue." },
    { title: "Harvest Festival", caption: "Families gather in the square for the annual harvest festival with music and local food.", alt: "Abstract picture of golden circles above a crowd of small shapes." },
    { title: "Inside the Laboratory", caption: "Researchers prepare samples for a long-term study of soil health.", alt: "Abstract picture of glass-like shapes and soft green light." },
    { title: "Reading Room", caption: "Students fill the reading room of the public library during examination season.", alt: "Abstract picture of rows of lamps over long tables." },
    { title: "Vaccination Day", caption: "Health workers run a free vaccination day at a neighbourhood clinic.", alt: "Abstract picture of a bright doorway with a queue of small figures." },
    { title: "Solar Rooftops", caption: "Solar panels now cover the roofs of several schools in the district.", alt: "Abstract picture of dark rectangles on slanted roofs under a clear sky." },
    { title: "Rebuilding the Old Wall", caption: "Masons restore part of the old city wall using traditional lime mortar.", alt: "Abstract picture of stacked blocks in sandy tones." },
    { title: "Community Orchestra", caption: "A community orchestra rehearses in a school hall before its first public concert.", alt: "Abstract picture of curved shapes arranged in a half circle." },
    { title: "Tree Planting", caption: "Volunteers plant young trees along a road that lost its shade during a storm.", alt: "Abstract picture of small green circles in a long line." },
    { title: "Night Train", caption: "The last night train of the day leaves the central station on time.", alt: "Abstract picture of a line of lights crossing a deep blue field." },
    { title: "Chess in the Park", caption: "Retired neighbours play chess in the park on a mild autumn afternoon.", alt: "Abstract picture of a chequered square between two round shapes." },
  ],

  galleries: [
    {
      title: "A Year Along the River",
      description: "Photographs taken along the river through four seasons: fishermen, farmers, walkers and the water itself.",
      photos: [
        "Mist over the river on a winter morning.",
        "A fisherman checks his nets before sunrise.",
        "Spring floods reach the edge of the fields.",
        "Children cool off in the shallows in July.",
        "Farmers repair an irrigation channel.",
        "Autumn leaves collect against an old weir.",
        "The footbridge at dusk, lit by new lamps.",
      ],
    },
    {
      title: "Workshops of the Old Town",
      description: "A visit to the small workshops that still make and repair things by hand in the old town.",
      photos: [
        "A shoemaker stitches a sole by hand.",
        "Copper pots hang in a metalworker's shop.",
        "A bookbinder presses a newly sewn book.",
        "Looms in a family weaving workshop.",
        "A watch repairer at his bench.",
        "Wood shavings on the floor of a carpenter's shop.",
      ],
    },
    {
      title: "Science Fair Day",
      description: "Pupils from twelve schools showed their experiments at the regional science fair.",
      photos: [
        "Visitors crowd around a model of a wind farm.",
        "A pupil explains her water filter made from sand and charcoal.",
        "A homemade weather station on the school roof.",
        "Judges listen to a presentation about bees.",
        "A robot built from recycled parts.",
        "Seedlings grown under different coloured lights.",
        "A volcano model, the most popular stand of the day.",
        "Teachers and pupils at the prize ceremony.",
      ],
    },
  ],

  videos: [
    { title: "Testing Our New Video Studio", description: "A short test recording from our new video studio, used to check colours and picture quality.", posterAlt: "Abstract poster image in blue and orange for a test recording." },
    { title: "Colours of the Season", description: "A calm, wordless clip of shifting colours, made for the opening of our culture pages.", posterAlt: "Abstract poster image of soft colour gradients." },
    { title: "Lecture: Water and Cities", description: "A public lecture on how growing cities can manage scarce water, with questions from the audience.", posterAlt: "Abstract poster image suggesting a river running through a city." },
    { title: "Interview: Translating Poetry", description: "A translator talks about the pleasures and problems of carrying poems between languages.", posterAlt: "Abstract poster image of two overlapping circles." },
  ],
};
