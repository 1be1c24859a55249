import type { DemoPublications } from '../../demo.types.js';

/** Albanian books and periodicals. Order matches the plan (demo-plan.ts) and the other editions. */
export const publications: DemoPublications = {
  books: [
    {
      title: "Uji në qytet: Një udhëzues i shkurtër",
      author: "Dritan Gashi",
      publisher: "Librat Nashr",
      language: "Anglisht",
      description: "Një udhëzues i shkurtër dhe praktik se si qytetet e gjejnë, e ndajnë dhe e kursejnë ujin, nga ujësjellësit e lashtë te impiantet moderne të ripërdorimit. I shkruar për lexues pa njohuri teknike.",
      coverAlt: "Kopertinë libri me forma abstrakte në blu të errët dhe portokalli.",
    },
    {
      title: "Zërat e arkivit",
      author: "Elira Shehu",
      publisher: "Librat Nashr",
      language: "Anglisht",
      description: "Ese për historinë gojore, muzetë dhe njerëzit që e mbajnë gjallë kujtesën. Libri ndjek arkivistë, përkthyes dhe vullnetarë në gjashtë qytete.",
      coverAlt: "Kopertinë libri me forma abstrakte në jeshil të butë dhe ar.",
    },
    {
      title: "Të kuptosh zgjedhjet vendore",
      author: "Arta Krasniqi",
      publisher: "Librat Nashr",
      language: "Anglisht",
      description: "Pse pjesëmarrja ndryshon nga një qytet në tjetrin, si numërohen votat dhe çfarë vendosin në të vërtetë këshillat. Një hyrje e qartë për ata që votojnë për herë të parë.",
      coverAlt: "Kopertinë libri me rrathë abstraktë në gurkali dhe portokalli.",
    },
    {
      title: "Urat e tregtisë",
      author: "Arben Hoxha",
      publisher: "Botimet Meridian",
      language: "Shqip",
      description: "Një histori e rrugëve, porteve dhe hekurudhave që lidhin ekonomitë fqinje, dhe e njerëzve që punojnë përgjatë tyre.",
      coverAlt: "Kopertinë libri me shirita abstraktë në ngjyra kafe dhe rëre.",
    },
    {
      title: "Klasa e qetë",
      author: "Blerta Dervishi",
      publisher: "Botimet Meridian",
      language: "Portugalisht (përkthim shqip)",
      description: "Rrëfimi i një mësueseje për një vit në një shkollë të vogël fshati, për durimin, leximin me zë dhe të mësuarit nga nxënësit.",
      coverAlt: "Kopertinë libri me forma abstrakte në blu të mbyllët dhe blu të çelët.",
    },
  ],
  newsletter: {
    title: "Buletini",
    description: "Buletini ynë mbledh në një numër të shkurtër analizat më të lexuara të stinës, librat e rinj dhe ngjarjet.",
  },
  parsBrief: {
    title: "Pars Brief",
    description: "Pars Brief është një përmbledhje e shkurtër kërkimesh dhe komentesh për Iranin dhe rajonin e tij, që botohet disa herë në vit.",
  },
  issueTitle: (periodical, n) => `${periodical}, numri ${n}`,
  issueExcerpt: (periodical, n, lead) => `Numri ${n} i ${periodical} hapet me „${lead}“ dhe mbledh analizat e stinës në një numër të shkurtër.`,
  coverAlt: (periodical, n) => `Kopertina e ${periodical}, numri ${n}: forma abstrakte me ngjyra të ndezura.`,
  extraContents: ["Shënimi i redaktorit", "Letra nga lexuesit", "Ngjarje dhe leksione", "Libra të rinj"],
  pdfAlt: (title) => `${title} (PDF)`,
};
