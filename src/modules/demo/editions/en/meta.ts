import type { EditionDemo } from '../../demo.types.js';

/** English demo edition: everything except the articles. Keys match the other editions. */
export const meta = {
  site: {
    title: "Nashr Review",
    tagline: "Independent analysis of public affairs, culture and science, published in four languages.",
  },

  menu: {
    home: "Home",
    articles: "Articles",
    media: "Media",
    cartoons: "Cartoons",
    newspics: "NewsPics",
    gallery: "Photo Gallery",
    videos: "Videos",
    publications: "Publications",
    books: "Books",
    newsletter: "Newsletter",
    parsBrief: "Pars Brief",
    about: "About Us",
    contact: "Contact us",
    editions: "Editions",
  },

  categories: [
    { key: "politics", name: "Politics", slug: "politics", description: "Analysis of institutions, elections and the workings of public policy." },
    { key: "politics-mideast", parent: "politics", name: "Middle East", slug: "middle-east", description: "Regional cooperation, diplomacy and infrastructure across the Middle East." },
    { key: "politics-mideast-iran", parent: "politics-mideast", name: "Iran", slug: "iran", description: "Governance, diplomacy and regional links involving Iran." },
    { key: "economy", name: "Economy", slug: "economy", description: "Trade, finance and the economic forces that shape households and cities." },
    { key: "environment", name: "Environment", slug: "environment", description: "Energy, climate and the protection of natural systems." },
    { key: "environment-water", parent: "environment", name: "Water", slug: "water", description: "Water supply, irrigation and the management of rivers and aquifers." },
    { key: "culture", name: "Culture", slug: "culture", description: "Museums, literature, heritage and the arts." },
    { key: "society", name: "Society", slug: "society", description: "Everyday life, communities and the public services people rely on." },
    { key: "society-education", parent: "society", name: "Education", slug: "education", description: "Schools, universities and learning at every age." },
    { key: "science", name: "Science & Technology", slug: "science-technology", description: "Research, technology and the ways new knowledge reaches the public." },
    { key: "health", name: "Health", slug: "health", description: "Public health, health services and the prevention of disease." },
  ],

  tags: [
    { key: "t01", name: "Elections", slug: "elections" },
    { key: "t02", name: "Climate", slug: "climate" },
    { key: "t03", name: "Trade", slug: "trade" },
    { key: "t04", name: "Energy", slug: "energy" },
    { key: "t05", name: "Drought", slug: "drought" },
    { key: "t06", name: "Universities", slug: "universities" },
    { key: "t07", name: "Museums", slug: "museums" },
    { key: "t08", name: "Diplomacy", slug: "diplomacy" },
    { key: "t09", name: "Public health", slug: "public-health" },
    { key: "t10", name: "Translation", slug: "translation" },
    { key: "t11", name: "Cities", slug: "cities" },
    { key: "t12", name: "Agriculture", slug: "agriculture" },
  ],

  authors: [
    { key: "au1", name: "Laila Haddad", slug: "laila-haddad", bio: "Laila Haddad writes about diplomacy, elections and regional cooperation, drawing on years of reporting across the Middle East." },
    { key: "au2", name: "Daniel Okafor", slug: "daniel-okafor", bio: "Daniel Okafor is an economics writer who covers trade, transport corridors and the finances of cities and households." },
    { key: "au3", name: "Sofia Marchetti", slug: "sofia-marchetti", bio: "Sofia Marchetti writes on culture, heritage and translation, with a particular interest in museums and literature." },
    { key: "au4", name: "Kenji Watanabe", slug: "kenji-watanabe", bio: "Kenji Watanabe covers energy, water and the environment, making scientific research accessible to general readers." },
    { key: "au5", name: "Ana Ribeiro", slug: "ana-ribeiro", bio: "Ana Ribeiro reports on education, public health and everyday life in cities." },
  ],


  pages: {
    about: {
      title: "About Us",
      slug: "about-us",
      paragraphs: [
        "Nashr Review is published by an independent, non-profit organisation dedicated to careful analysis of public affairs, culture and science. We are not affiliated with any government, political party or commercial group, and all editorial decisions are made by our own editors.",
        "We publish in four editions: English, Arabic, Farsi and Albanian. Each edition is edited for its own readers, but many articles appear in all four languages, so that ideas and research can travel across linguistic borders.",
        "Our contributors include journalists, researchers and translators. We aim for clear language, transparent sourcing and a calm tone, and we correct errors openly when they occur. Readers are always welcome to suggest topics and to tell us where we can do better.",
      ],
    },
    contact: {
      title: "Contact us",
      slug: "contact-us",
      paragraphs: [
        "You can reach our editors by email at editors@example.org. We read every message, although we cannot always reply to each one individually. When reporting a correction, please include the title of the article and a short description of the error.",
        "You can also write to us with the form below. Letters can be sent by post to: Nashr Review, Editorial Office, 12 Example Street, 1000 Example City.",
      ],
    },
  },
} satisfies Omit<EditionDemo, 'articles' | 'media' | 'publications'>;
