import type { EditionDemo } from '../../demo.types.js';

/** Albanian demo edition: everything except the articles. Keys match the other editions. */
export const meta = {
  site: {
    title: "Nashr Review",
    tagline: "Analiza të pavarura për çështjet publike, kulturën dhe shkencën, në katër gjuhë.",
  },

  menu: {
    home: "Kreu",
    articles: "Artikuj",
    media: "Media",
    cartoons: "Karikatura",
    newspics: "Foto lajmesh",
    gallery: "Galeria e fotove",
    videos: "Video",
    publications: "Botime",
    books: "Libra",
    newsletter: "Buletini",
    parsBrief: "Pars Brief",
    about: "Rreth nesh",
    contact: "Na kontaktoni",
    editions: "Edicionet",
  },

  categories: [
    { key: "politics", name: "Politikë", slug: "politike", description: "Analiza për institucionet, zgjedhjet dhe mënyrën si funksionojnë politikat publike." },
    { key: "politics-mideast", parent: "politics", name: "Lindja e Mesme", slug: "lindja-e-mesme", description: "Bashkëpunimi rajonal, diplomacia dhe infrastruktura në mbarë Lindjen e Mesme." },
    { key: "politics-mideast-iran", parent: "politics-mideast", name: "Irani", slug: "irani", description: "Qeverisja, diplomacia dhe lidhjet rajonale që kanë të bëjnë me Iranin." },
    { key: "economy", name: "Ekonomi", slug: "ekonomi", description: "Tregtia, financat dhe forcat ekonomike që formësojnë jetën e familjeve dhe të qyteteve." },
    { key: "environment", name: "Mjedis", slug: "mjedis", description: "Energjia, klima dhe mbrojtja e sistemeve natyrore." },
    { key: "environment-water", parent: "environment", name: "Ujë", slug: "uje", description: "Furnizimi me ujë, ujitja dhe administrimi i lumenjve dhe i akuiferëve." },
    { key: "culture", name: "Kulturë", slug: "kulture", description: "Muzetë, letërsia, trashëgimia dhe artet." },
    { key: "society", name: "Shoqëri", slug: "shoqeri", description: "Jeta e përditshme, komunitetet dhe shërbimet publike mbi të cilat mbështeten njerëzit." },
    { key: "society-education", parent: "society", name: "Arsim", slug: "arsim", description: "Shkollat, universitetet dhe të nxënit në çdo moshë." },
    { key: "science", name: "Shkencë dhe teknologji", slug: "shkence-dhe-teknologji", description: "Kërkimi shkencor, teknologjia dhe rrugët nëpër të cilat dija e re arrin te publiku." },
    { key: "health", name: "Shëndetësi", slug: "shendetesi", description: "Shëndeti publik, shërbimet shëndetësore dhe parandalimi i sëmundjeve." },
  ],

  tags: [
    { key: "t01", name: "Zgjedhje", slug: "zgjedhje" },
    { key: "t02", name: "Klimë", slug: "klime" },
    { key: "t03", name: "Tregti", slug: "tregti" },
    { key: "t04", name: "Energji", slug: "energji" },
    { key: "t05", name: "Thatësirë", slug: "thatesire" },
    { key: "t06", name: "Universitete", slug: "universitete" },
    { key: "t07", name: "Muze", slug: "muze" },
    { key: "t08", name: "Diplomaci", slug: "diplomaci" },
    { key: "t09", name: "Shëndet publik", slug: "shendet-publik" },
    { key: "t10", name: "Përkthim", slug: "perkthim" },
    { key: "t11", name: "Qytete", slug: "qytete" },
    { key: "t12", name: "Bujqësi", slug: "bujqesi" },
  ],

  authors: [
    { key: "au1", name: "Arta Krasniqi", slug: "arta-krasniqi", bio: "Arta Krasniqi shkruan për diplomacinë, zgjedhjet dhe bashkëpunimin rajonal, duke u mbështetur në vite reportazhi në mbarë Lindjen e Mesme." },
    { key: "au2", name: "Arben Hoxha", slug: "arben-hoxha", bio: "Arben Hoxha është gazetar ekonomik që mbulon tregtinë, korridoret e transportit dhe financat e qyteteve e të familjeve." },
    { key: "au3", name: "Elira Shehu", slug: "elira-shehu", bio: "Elira Shehu shkruan për kulturën, trashëgiminë dhe përkthimin, me një interes të veçantë për muzetë dhe letërsinë." },
    { key: "au4", name: "Dritan Gashi", slug: "dritan-gashi", bio: "Dritan Gashi mbulon energjinë, ujin dhe mjedisin, duke ua bërë kërkimin shkencor të kuptueshëm lexuesve të gjerë." },
    { key: "au5", name: "Blerta Dervishi", slug: "blerta-dervishi", bio: "Blerta Dervishi raporton për arsimin, shëndetin publik dhe jetën e përditshme në qytete." },
  ],

  pages: {
    about: {
      title: "Rreth nesh",
      slug: "rreth-nesh",
      paragraphs: [
        "Nashr Review botohet nga një organizatë e pavarur jofitimprurëse, e përkushtuar ndaj analizës së kujdesshme të çështjeve publike, kulturës dhe shkencës. Nuk jemi të lidhur me asnjë qeveri, parti politike apo grup tregtar, dhe të gjitha vendimet editoriale merren vetëm nga redaktorët tanë.",
        "Botojmë në katër edicione: në anglisht, arabisht, persisht dhe shqip. Çdo edicion redaktohet për lexuesit e vet, por shumë artikuj dalin në të katër gjuhët, që idetë dhe kërkimet të kalojnë përtej kufijve gjuhësorë.",
        "Ndër bashkëpunëtorët tanë ka gazetarë, studiues dhe përkthyes. Synojmë një gjuhë të qartë, burime transparente dhe një ton të qetë, dhe i korrigjojmë gabimet hapur kur ndodhin. Lexuesit janë gjithmonë të mirëpritur të propozojnë tema dhe të na tregojnë ku mund të bëjmë më mirë.",
      ],
    },
    contact: {
      title: "Na kontaktoni",
      slug: "na-kontaktoni",
      paragraphs: [
        "Redaktorët tanë mund t'i kontaktoni me email në adresën editors@example.org. E lexojmë çdo mesazh, edhe pse nuk mund t'i përgjigjemi gjithmonë secilit veç e veç. Kur na njoftoni për një korrigjim, ju lutemi shënoni titullin e artikullit dhe një përshkrim të shkurtër të gabimit.",
        "Mund të na shkruani edhe me formularin më poshtë. Letrat mund të dërgohen me postë në adresën: Nashr Review, Redaksia, 12 Example Street, 1000 Example City.",
      ],
    },
  },
} satisfies Omit<EditionDemo, 'articles' | 'media' | 'publications'>;
