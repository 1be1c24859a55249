import type { DemoPublications } from '../../demo.types.js';

/** English books and periodicals. Order matches the plan (demo-plan.ts) and the other editions. */
export const publications: DemoPublications = {
  books: [
    {
      title: "Water in the City: A Short Guide",
      author: "Kenji Watanabe",
      publisher: "Nashr Books",
      language: "English",
      description: "A short, practical guide to how cities find, share and save water, from old aqueducts to modern reuse plants. Written for readers with no technical background.",
      coverAlt: "Book cover with abstract shapes in deep blue and orange.",
    },
    {
      title: "Voices of the Archive",
      author: "Sofia Marchetti",
      publisher: "Nashr Books",
      language: "English",
      description: "Essays on oral history, museums and the people who keep memories alive. The book follows archivists, translators and volunteers in six cities.",
      coverAlt: "Book cover with abstract shapes in muted green and gold.",
    },
    {
      title: "Understanding Local Elections",
      author: "Laila Haddad",
      publisher: "Nashr Books",
      language: "English",
      description: "Why turnout differs from one town to the next, how votes are counted and what councils really decide. A clear introduction for first-time voters.",
      coverAlt: "Book cover with abstract circles in teal and orange.",
    },
    {
      title: "Bridges of Trade",
      author: "Daniel Okafor",
      publisher: "Meridian Press",
      language: "English",
      description: "A history of the roads, ports and railways that connect neighbouring economies, and of the people who work along them.",
      coverAlt: "Book cover with abstract bands in brown and sand colours.",
    },
    {
      title: "The Quiet Classroom",
      author: "Ana Ribeiro",
      publisher: "Meridian Press",
      language: "Portuguese (English translation)",
      description: "A teacher's account of a year in a small rural school, about patience, reading aloud and learning from pupils.",
      coverAlt: "Book cover with abstract shapes in navy and light blue.",
    },
  ],
  newsletter: {
    title: "Newsletter",
    description: "Our newsletter gathers the season's most read analysis, new books and events in one short issue.",
  },
  parsBrief: {
    title: "Pars Brief",
    description: "Pars Brief is a short digest of research and commentary on Iran and its region, published a few times a year.",
  },
  issueTitle: (periodical, n) => `${periodical} No. ${n}`,
  issueExcerpt: (periodical, n, lead) => `${periodical} No. ${n} opens with "${lead}" and gathers the season's analysis in one short issue.`,
  coverAlt: (periodical, n) => `Cover of ${periodical} No. ${n}: abstract shapes in bright colours.`,
  extraContents: ["Editor's note", "Letters from readers", "Events and lectures", "New books"],
  pdfAlt: (title) => `${title} (PDF)`,
};
