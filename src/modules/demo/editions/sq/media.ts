import type { DemoMedia } from '../../demo.types.js';

/** Albanian cartoons, news pictures, galleries and videos. Order matches the plan (demo-plan.ts) and the other editions. */
export const media: DemoMedia = {
  credits: {
    cartoons: ["Karikaturë nga Rana Aziz", "Karikaturë nga Tomas Veld", "Karikaturë nga Mina Sadeghi"],
    photos: ["Foto: Yusuf Demir / Nashr Review", "Foto: Elena Petrova / Nashr Review", "Foto: Karim Nasser / Nashr Review"],
    videos: ["Video: Nashr Review", "Video: Nashr Review dhe partnerët"],
  },

  cartoons: [
    { title: "Radha e gjatë", caption: "Votuesit presin me durim në një radhë që i bie rrotull bashkisë dhe kthehet përsëri.", alt: "Karikaturë abstrakte e një radhe të gjatë figurash të rrumbullakëta që rrethojnë një ndërtesë." },
    { title: "Ekuilibër buxhetor", caption: "Arkëtari i qytetit ecën mbi litar duke mbajtur në ajër rrugët, shkollat dhe parqet.", alt: "Karikaturë abstrakte e një figure që mban ekuilibrin mbi një vijë me tre rrathë në ajër." },
    { title: "Akullnaja e fundit", caption: "Akullnaja e fundit e mban gjithmonë pranë kapelën e diellit dhe freskoren.", alt: "Karikaturë abstrakte e një forme të zbehtë nën një diell të madh portokalli." },
    { title: "Mbledhje pa fund", caption: "Komisioni vendos të mblidhet sërish për të vendosur kur do të mblidhet herën tjetër.", alt: "Karikaturë abstrakte e rrathëve rreth një tryeze të gjatë që humbet në largësi." },
    { title: "Ora e pikut", caption: "Udhëtarët zbulojnë se korsia e re e autobusit është edhe e vetmja korsi e rrugës.", alt: "Karikaturë abstrakte e shiritave me ngjyra të ngjeshur në një rrip të ngushtë." },
    { title: "Karta e bibliotekës", caption: "Një fëmijë i shpjegon gjyshit se biblioteka tani huazon edhe vegla e farëra, jo vetëm libra.", alt: "Karikaturë abstrakte e një figure të madhe dhe një të vogël pranë raftesh me forma." },
    { title: "Parashikimi: i pasigurt", caption: "Prezantuesi i motit mban njëkohësisht një çadër, syze dielli dhe një shall.", alt: "Karikaturë abstrakte e një figure të rrethuar nga shenja dielli, reje dhe bore." },
    { title: "Etiketat e çmimeve", caption: "Blerësit shohin me vëmendje etiketat e çmimeve që duket se zgjaten pak çdo javë.", alt: "Karikaturë abstrakte e etiketave të gjata që ngrihen mbi shporta të vogla." },
    { title: "Fatura e ujit", caption: "Një rubinet që pikon thirret në mbledhje për të dhënë shpjegime.", alt: "Karikaturë abstrakte e një rubineti me një pikë blu përballë një rreshti rrathësh." },
    { title: "Rrethrrotullimi", caption: "Negociatorët i bien rrotull të njëjtit rrethrrotullim, secili duke pritur që tjetri të dalë i pari.", alt: "Karikaturë abstrakte e formave të vogla që lëvizin rreth një unaze të madhe." },
    { title: "Makina e detyrave", caption: "Një nxënës ndërton një makinë që i bën detyrat, pastaj i duhet të shkruajë një raport se si punon ajo.", alt: "Karikaturë abstrakte e një kutie me ingranazhe pranë një figure të vogël me letër në dorë." },
    { title: "Qetësi, ju lutem", caption: "Në muze edhe portretet duket se u kërkojnë vizitorëve të flasin më ulët.", alt: "Karikaturë abstrakte e formave në korniza mbi një mur sipër një rreshti vizitorësh." },
  ],

  newspics: [
    { title: "Tregu i mëngjesit", caption: "Tregtarët shtrojnë frutat dhe perimet në agim, para se të vijnë blerësit e parë.", alt: "Figurë abstrakte me ngjyra të ngrohta që të kujton tezga dhe shporta në dritën e mëngjesit." },
    { title: "Hapet ura e këmbësorëve", caption: "Banorët kalojnë një urë të re këmbësorësh që bashkon dy lagje të ndara nga lumi.", alt: "Figurë abstrakte e një harku të hollë mbi një brez blu." },
    { title: "Festa e korrjeve", caption: "Familjet mblidhen në shesh për festën vjetore të korrjeve me muzikë dhe ushqime vendase.", alt: "Figurë abstrakte e rrathëve të artë mbi një turmë formash të vogla." },
    { title: "Brenda laboratorit", caption: "Studiuesit përgatitin mostra për një studim afatgjatë mbi shëndetin e tokës.", alt: "Figurë abstrakte e formave si prej xhami dhe një drite të butë të gjelbër." },
    { title: "Salla e leximit", caption: "Studentët mbushin sallën e leximit të bibliotekës publike në sezonin e provimeve.", alt: "Figurë abstrakte e rreshtave me llamba mbi tryeza të gjata." },
    { title: "Dita e vaksinimit", caption: "Punonjësit e shëndetësisë organizojnë një ditë vaksinimi falas në qendrën shëndetësore të lagjes.", alt: "Figurë abstrakte e një dere të ndriçuar dhe një radhe figurash të vogla." },
    { title: "Çati diellore", caption: "Panelet diellore tani mbulojnë çatitë e disa shkollave të rrethit.", alt: "Figurë abstrakte e drejtkëndëshave të errët mbi çati të pjerrëta nën një qiell të kthjellët." },
    { title: "Rindërtimi i murit të vjetër", caption: "Muratorët restaurojnë një pjesë të murit të vjetër të qytetit me llaç tradicional gëlqereje.", alt: "Figurë abstrakte e blloqeve të vendosura njëri mbi tjetrin në ngjyra rëre." },
    { title: "Orkestra e lagjes", caption: "Një orkestër e komunitetit bën prova në sallën e shkollës para koncertit të saj të parë publik.", alt: "Figurë abstrakte e formave të lakuara të vendosura në gjysmërreth." },
    { title: "Mbjellja e pemëve", caption: "Vullnetarët mbjellin pemë të reja përgjatë një rruge që humbi hijen gjatë një stuhie.", alt: "Figurë abstrakte e rrathëve të vegjël të gjelbër në një rresht të gjatë." },
    { title: "Treni i natës", caption: "Treni i fundit i natës largohet nga stacioni qendror në orar.", alt: "Figurë abstrakte e një vargu dritash që përshkon një fushë blu të thellë." },
    { title: "Shah në park", caption: "Fqinjë pensionistë luajnë shah në park në një pasdite të butë vjeshte.", alt: "Figurë abstrakte e një katrori me kuadrate midis dy formave të rrumbullakëta." },
  ],

  galleries: [
    {
      title: "Një vit buzë lumit",
      description: "Fotografi të bëra përgjatë lumit në katër stinë: peshkatarë, fermerë, kalimtarë dhe vetë uji.",
      photos: [
        "Mjegull mbi lumë në një mëngjes dimri.",
        "Një peshkatar kontrollon rrjetat para lindjes së diellit.",
        "Përmbytjet e pranverës arrijnë buzë arave.",
        "Fëmijët freskohen në ujin e cekët në korrik.",
        "Fermerët riparojnë një kanal vaditjeje.",
        "Gjethet e vjeshtës mblidhen pranë një prite të vjetër.",
        "Ura e këmbësorëve në muzg, e ndriçuar nga llamba të reja.",
      ],
    },
    {
      title: "Punishtet e qytetit të vjetër",
      description: "Një vizitë në punishtet e vogla që ende bëjnë dhe riparojnë gjëra me dorë në qytetin e vjetër.",
      photos: [
        "Një këpucar qep me dorë një shollë.",
        "Tenxhere bakri të varura në dyqanin e një bakërpunuesi.",
        "Një libralidhës shtyp një libër të sapoqepur.",
        "Vegjë në një punishte familjare endjeje.",
        "Një orëndreqës në tryezën e tij të punës.",
        "Ashkla druri në dyshemenë e punishtes së një marangozi.",
      ],
    },
    {
      title: "Dita e panairit të shkencës",
      description: "Nxënës nga dymbëdhjetë shkolla prezantuan eksperimentet e tyre në panairin rajonal të shkencës.",
      photos: [
        "Vizitorët mblidhen rreth maketit të një parku me turbina ere.",
        "Një nxënëse shpjegon filtrin e ujit që e bëri me rërë dhe qymyr.",
        "Një stacion meteorologjik i bërë vetë mbi çatinë e shkollës.",
        "Juria dëgjon një prezantim për bletët.",
        "Një robot i ndërtuar me pjesë të ricikluara.",
        "Filiza të rritur nën drita me ngjyra të ndryshme.",
        "Maketi i një vullkani, stenda më e vizituar e ditës.",
        "Mësues dhe nxënës në ceremoninë e ndarjes së çmimeve.",
      ],
    },
  ],

  videos: [
    { title: "Provë në studion e re të videos", description: "Një regjistrim i shkurtër prove nga studioja jonë e re e videos, për të kontrolluar ngjyrat dhe cilësinë e figurës.", posterAlt: "Figurë abstrakte posteri në blu dhe portokalli për një regjistrim prove." },
    { title: "Ngjyrat e stinës", description: "Një klip i qetë pa fjalë me ngjyra që ndryshojnë ngadalë, i bërë për hapjen e faqeve tona të kulturës.", posterAlt: "Figurë abstrakte posteri me kalime të buta ngjyrash." },
    { title: "Leksion: Uji dhe qytetet", description: "Një leksion publik se si qytetet në rritje mund ta menaxhojnë ujin e pakët, me pyetje nga publiku.", posterAlt: "Figurë abstrakte posteri që të kujton një lumë që përshkon një qytet." },
    { title: "Intervistë: Përkthimi i poezisë", description: "Një përkthyes flet për kënaqësitë dhe vështirësitë e bartjes së poezive nga një gjuhë në tjetrën.", posterAlt: "Figurë abstrakte posteri e dy rrathëve që mbivendosen." },
  ],
};
