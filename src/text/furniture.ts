/**
 * Page furniture a scraper left at the start of a sentence, inline (the page's lines flattened into
 * one): caption controls and the photo credit after them ("enlarge this image toggle caption Jane
 * Doe/AP Jane Doe/AP A federal judge …"), a photo credit in brackets ("( photo: Jane Doe, Getty Images
 * ) A tourist …"), a cut-off caption before the story's agency tag ("File - in this 1984 photo, … ....
 * ( associated press ) Moses Malone …"), link and follow prompts ("sponsored links", "follow us at
 * @x and like us on facebook"), an advertisement's or a photo caption's label ("Advertisement The IRS
 * announced …"). General markers of web pages, never a site's. The labels are dropped from every sentence as the
 * index splits an article (src/search/index.ts: `withoutLeadingLabels`), so briefings, answers and
 * digests never show them.
 */

/** Caption controls, then up to two photo credits ("Jane Doe/AP"), or one credit printed twice ("iStockphoto iStockphoto"). */
const CAPTION_CONTROLS =
  /^.{0,200}?\b(?:(?:enlarge this image|toggle caption|hide caption|view full caption)\s+)+(?:(?:(?:[^\s/]+\s+){0,3}?[^\s/]+\/[^\s/]+\s+){1,2}|([^\s/]+(?:\s+[^\s/]+){0,2}?)\s+\1\s+)?/iu;
/** A photo credit in brackets opening the sentence ("(Photo: …)", "( Jane Doe/AFP/Getty Images )"). */
const PHOTO_BRACKET =
  /^\(\s*(?:(?:photo|image|picture|file photo)s?\s*:[^()]{0,120}|[^()/]{1,60}\/[^()]{0,60}?\b(?:getty images|afp|ap|ap photo|reuters|epa|shutterstock)\s*)\)\s*/iu;
/** A caption cut off ("…" or "....") then the story's agency tag in brackets, an optional dash. */
const CAPTION_THEN_AGENCY =
  /^.{0,400}?(?:\.{3,}|…)\s*\(\s*(?:ap|associated press|the associated press|reuters|afp|cnn)\s*\)\s*(?:[-–—]+\s*)?/iu;
/** Link and follow prompts, through the prompt. */
const PROMPT =
  /^.{0,80}?\b(?:sponsored links|article excerpt|follow us (?:at|on) \S+(?: and like us on facebook)?)\s+/iu;

/** An advertisement's label, or a photo's copyright and caption labels, left before the sentence. */
const AD_OR_CAPTION_LABEL =
  /^(?:[Aa]dvertisement|[Ss]tory highlights|[Ii]mage copyright\s.{1,60}?\s[Ii]mage caption|[Ii]mage caption)\s+(?=["“‘']?\p{Lu}|(?:the|a|an|in|on|at|as|after|he|she|it|they|we|i|this|police|officials)\s)/u;

/**
 * A video player's message to the reader, or a "continue reading" marker, left before the sentence
 * ("Please enable javascript to watch this video Cass County, Mo. -- …", "Media playback is unsupported
 * on your device …", "Advertisement continue reading the main story The letter …").
 */
const PLAYER_OR_READ_ON =
  /^(?:(?:please )?enable javascript to (?:watch|view) this video|media playback is (?:unsupported|not supported) on (?:your|this) device(?: this video has been removed for rights reasons)?|(?:photo\s+)?(?:advertisement\s*[-–—]?\s*)?continue reading (?:the main story|below(?: advertisement)?))\s+/iu;

/**
 * Furniture dropped where a sentence is shown, not as the index splits an article (a sentence's text
 * is its key in label files): a page's navigation ("| | news | | page 1 of 1 updated: …"), an audio
 * player's prompt ("Listen to article 5: 30 …"), a "story continued below" marker, a photographer's
 * credit in brackets with any outlet ("( jane doe/the daily courier ) …").
 */
const NAVIGATION = /^(?:\|\s*(?:\p{L}+\s+){0,2})*page \d+ of \d+\s+(?:updated\s*:\s*)?/iu;
const LISTEN_OR_CONTINUED =
  /^(?:listen to (?:this )?(?:article|story)\s+\d{1,2}\s*:\s*\d{2}|listen to (?:this )?article|story continued below)\s+/iu;
const CREDIT_BRACKET =
  /^\(\s*(?:\p{L}[\p{L}.'’-]*\s+){1,3}\p{L}[\p{L}.'’-]*\s*\/\s*(?:\p{L}[\p{L}.'’-]*\s*){1,4}\)\s*/iu;

/**
 * Page labels whose extent can be told, run into the sentence with no stop: a row of sharing controls
 * ("Share this story Email Print …", "Email Print …"), a photo's credit ending on an agency ("Photograph:
 * Jane Roe/AFP/Getty Images in a …"), a stock chart's caption ending on its ticker ("Stock chart for Acme
 * Widgets Inc ( ACMW ) …"), a byline after the page's date line ("/ updated by Jane Roe more …": a name of
 * two words, an initial between). Dropped where a sentence is shown, so the sentence after them is no
 * run-on (RUN_ON_LABEL); the index keeps them (a sentence's text is its key in label files).
 */
const SHARE_CONTROL = "(?:share|e-?mail|print|tweet|pin it|comments?|save)";
const SHARE_ROW = new RegExp(
  String.raw`^(?:(?:share|e-?mail|print) this(?: story| article| page)?\s*:?\s+(?:${SHARE_CONTROL}(?:\s*[|·•])?\s+)*|(?:${SHARE_CONTROL}(?:\s*[|·•])?\s+){2,})`,
  "iu",
);
const AGENCY =
  "(?:getty images|afp|ap|reuters|epa|shutterstock|rex|rex features|pa|pa wire|alamy|corbis|bloomberg|xinhua|zuma|sipa)";
const PHOTO_CREDIT_LABEL = new RegExp(
  String.raw`^(?:photograph|photo|picture|image)(?:\s*:|\s+by)\s+(?:[\p{L}.'’-]+\s+){0,3}?[\p{L}.'’-]+(?:\/[\p{L}.'’-]+(?:\s[\p{L}.'’-]+)?)*?\/${AGENCY}\s+`,
  "iu",
);
const STOCK_CHART_LABEL =
  /^stock chart for\s+(?:[^()\s]+\s+){1,6}\(\s*(?:\p{L}+\s*:\s*)?[\p{L}.]{1,6}\s*\)\s*/iu;
const DATE_LINE_BYLINE =
  /^\/\s*(?:updated\s+)?by\s+(?!(?:the|a|an|of|in|on|at|to|and|for)\s)\p{L}[\p{L}'’-]*\s+(?:\p{L}\.\s+)?\p{L}[\p{L}'’-]*\s+/iu;
/**
 * A page's "Updated:" label before the sentence's own words ("Updated: the city council voted …"); not
 * before a time stamp ("Updated: june 3, 2016 5: 05 pm a teen …": where the stamp ends cannot be told,
 * RUN_ON_LABEL).
 */
const UPDATED_LABEL =
  /^(?:last )?updated\s*:\s*(?!(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}*\b)(?=["“‘']?\p{L})/iu;
/** A photo's credit in brackets, labelled so ("( photo credit: Jane Roe ) …", "( image credit: … )"). */
const CREDIT_LABEL_BRACKET = /^\(\s*(?:photo|image|picture|video)\s+credits?\s*:[^()]{1,80}\)\s*/iu;
/**
 * A video's or post's date stamp before the sentence ("Uploaded on Apr 5, 2017 …", "Published on Jul 14,
 * 2017 …", "Posted Tuesday, November 21, 2017 5:27 pm …"): ends where its date (and time) does.
 */
const DATE_STAMP =
  /^(?:posted|published|uploaded)(?:\s+on)?\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}*\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}\s*:\s*\d{2}\s*(?:[ap]\.?\s?m\.?)?)?,?\s+/iu;
/**
 * A paper's section heading run into its first sentence ("Abstract background — Americans have …",
 * "Abstract: we tested …", "Abstract we tested …"): "abstract" and a section's name or a colon or dash,
 * or before "we" (not "Abstract art sold …").
 */
const PAPER_HEADING =
  /^abstract(?:\s+(?:background|introduction|objectives?|purpose|context|importance|summary))?(?:\s*[:—–-]\s*|\s+(?=we\s))/iu;
/** Labels of a known extent (above), as `without` drops them. */
const KNOWN_EXTENT = [
  PAPER_HEADING,
  SHARE_ROW,
  DATE_STAMP,
  PHOTO_CREDIT_LABEL,
  STOCK_CHART_LABEL,
  DATE_LINE_BYLINE,
  UPDATED_LABEL,
  CREDIT_LABEL_BRACKET,
];

/** The story's agency tag opening what is left ("( cnn ) -- stolen files …"). */
const AGENCY_TAG =
  /^\(\s*(?:ap|associated press|the associated press|reuters|afp|cnn)\s*\)\s*(?:[-–—]+\s*)?/iu;

/** The fewest words a sentence keeps after its furniture goes (else it stays as it was). */
const MIN_WORDS = 6;

/** What `withoutLeadingLabels` drops: controls, credits, prompts and labels, never a sentence's words. */
/**
 * A page control's one word run into the first sentence ("Close the U.S.-led command released …", "Photo
 * the parent of …", "Article the debate kicks off …", "Skip in skip x embed x share one woman was …"):
 * told by what follows it, a determiner, a pronoun or a preposition no sentence starts its noun with
 * ("Close to 100 …", "Close friends said …", "Article 50 …" stay).
 */
const CONTROL_WORD =
  /^(?:skip in skip x embed x share\s+|close\s+(?=(?:the|a|an|this|his|her|their|its|our|we|i|he|she|they|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s)|(?:photo|article)\s+(?=(?:the|a|an|this|his|her|their|its|our|we|i|he|she|they|in|on|at|after|when|as)\s))/iu;
const LABELS = [
  PLAYER_OR_READ_ON,
  CAPTION_CONTROLS,
  PHOTO_BRACKET,
  PROMPT,
  AD_OR_CAPTION_LABEL,
  AGENCY_TAG,
  CONTROL_WORD,
];
/** Also a cut-off caption before the agency tag: words of the page, though not of this sentence. */
const FURNITURE = [
  ...KNOWN_EXTENT,
  NAVIGATION,
  LISTEN_OR_CONTINUED,
  PLAYER_OR_READ_ON,
  CREDIT_BRACKET,
  CAPTION_CONTROLS,
  PHOTO_BRACKET,
  CAPTION_THEN_AGENCY,
  PROMPT,
  AD_OR_CAPTION_LABEL,
  AGENCY_TAG,
  CONTROL_WORD,
];

/**
 * The sentence without page furniture at its start ("enlarge this image toggle caption Jane Doe/AP
 * Jane Doe/AP a federal judge says …" → "A federal judge says …"); the sentence as it was when none is
 * found or too little would be left. For showing a sentence (an answer, a point, a title made from a
 * first sentence).
 */
export function withoutLeadingFurniture(sentence: string): string {
  return without(sentence, FURNITURE);
}

/**
 * A first sentence without what a page left before it, to title an untitled article: the labels the
 * index drops, and navigation, an audio prompt or a credit in brackets (not a cut-off caption: what
 * follows it is the caption's own sentence, no title).
 */
export function withoutLeadingPageLabels(sentence: string): string {
  return without(sentence, [...KNOWN_EXTENT, NAVIGATION, LISTEN_OR_CONTINUED, CREDIT_BRACKET, ...LABELS]);
}

/**
 * The sentence without the controls, credits, prompts and labels a page left before it, as the index
 * splits an article: a cut-off caption before an agency tag stays (its figures can be evidence — "40
 * were injured when a building…" — and `withoutLeadingFurniture` drops it where an answer is shown).
 */
export function withoutLeadingLabels(sentence: string): string {
  return without(sentence, LABELS);
}

function without(sentence: string, patterns: readonly RegExp[]): string {
  let s = sentence;
  for (const re of patterns) {
    const m = re.exec(s);
    if (!m || m[0].length === 0) continue;
    const rest = s.slice(m[0].length);
    if (rest.split(/\s+/).filter(Boolean).length < MIN_WORDS || !/^["“‘']?(?:\(\s*)?[\p{L}\d]/u.test(rest))
      continue;
    s = rest;
  }
  if (s === sentence) return s;
  return s.replace(/^(["“‘']?)(\p{Ll})/u, (_, q: string, c: string) => q + c.toUpperCase());
}

/** A note about the story or a prompt to the reader, not news ("Editor's note: …", "Sign up for …"). */
const NOTE_OPENER =
  /^(?:editor['’]?s['’]? note|editors['’] note|correction|clarification|on (?:today|this week)['’]s episode of\b[^:]{0,80})\s*:/iu;
/**
 * A prompt to the reader: to sign up (for a newsletter, emails or alerts, not "countries sign up to the
 * treaty"), click, subscribe, the emails they will receive, what is delivered to their inbox, a
 * copyright line; and the page's notes on itself. In groups small enough for the regex audit to decide
 * each (as one pattern it timed out: unknown).
 */
const READER_PROMPT_SIGN_UP = new RegExp(
  [
    "sign up (?:now|here)",
    "sign up (?:for|to) (?:[\\p{L}'’-]+ ){0,4}(?:newsletters?|e-?mails?|updates|alerts|digest|briefing)",
    "click here",
    "subscribe (?:now|today|here|to our)",
    "all rights reserved",
    // A paywall's prompt ("A subscription is required to continue reading", "Thank you for reading 5 free
    // articles", "If you are a current 7-day subscriber you are granted an all-access pass …").
    "(?:a )?subscription is required",
    "(?:purchase|buy) a subscription",
    "(?:\\d+|five|ten) free articles",
    "if you are a (?:current )?[\\p{L}\\d-]* ?subscriber",
    "get push notifications",
    "(?:you can )?follow along (?:below|here)",
    "breaking news (?:e-?mails|alerts)",
    "get breaking news",
    "(?:you will|you['’]ll|you would|to) receive (?:our |daily |weekly |free )?e-?mails",
    "delivered (?:to your inbox|(?:every )?weekday mornings|daily to your inbox)",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "iu",
);

const READER_PROMPT_WIDGET = new RegExp(
  [
    // An embedded post's widget text ("Add a location to your tweets …", "… delete your location history").
    "your tweets?",
    "tweet with a location",
    "your location history",
    // An embedded video player's messages ("Rating is available when the video has been rented.",
    // "This feature is not available right now.", "The interactive transcript could not be loaded.").
    "when the video has been rented",
    "this feature is not available right now",
    "(?:the )?interactive transcript could not be loaded",
    // A form's prompt ("Please click the checkbox indicating that you have read the full article …").
    "(?:please )?(?:click|tick|check) the (?:check ?box|box) (?:to|indicating|if|below)",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "iu",
);

const PAGE_ON_ITSELF = new RegExp(
  [
    // The page or site speaking of itself: a cookie notice ("By continuing to browse the site you are
    // agreeing to our use of cookies"), a missing page ("Sorry, the page you requested was not found"), a
    // reprint notice ("This copy is for your personal, non-commercial use only"), an embed widget ("Add
    // this post to your website by copying the code below"), a request for corrections ("Did you find an
    // error?").
    "(?:our|the|this (?:site|website)['’]s) use of cookies",
    "by continuing to (?:browse|use|visit) (?:the|this|our) (?:site|website)",
    "the page you(?: (?:requested|were looking for|are looking for|have requested)|['’]re looking for)",
    "for (?:your )?personal,? non-?commercial use",
    "by copying the code below",
    "did you (?:find|spot|notice) an? (?:error|typo|mistake)",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "iu",
);

const PAGE_GONE_OR_ADVISORY = new RegExp(
  [
    // A page gone from its address ("It's possible the content has expired or has been moved", "This
    // video has been removed").
    "(?:the|this) (?:content|page|article|story|video|post|link) (?:you (?:requested|are looking for) )?(?:has|may have|might have) (?:expired|been (?:re)?moved|been deleted|been taken down)",
    // The site asking its readers for tips ("Is there a story we should be covering?", "Send us your news tips").
    "(?:a )?stor(?:y|ies) (?:we|you think we) should (?:be )?(?:cover(?:ing)?|look(?:ing)? into)",
    "(?:send|email|e-mail) us (?:your )?(?:news )?tips",
    "got a (?:news )?tip",
    // A content advisory before a post ("Warning: this post contains language that may not be appropriate
    // …", "This video contains graphic images"): the page's about itself.
    "this (?:post|video|story|article|page|clip|content) (?:contains|includes|may contain) (?:strong |graphic |offensive |explicit |adult |coarse )?(?:language|content|images|footage|material)",
    "(?:language|content|images|footage|material) that (?:may|might) (?:not be (?:appropriate|suitable)|be (?:disturbing|offensive|upsetting|inappropriate|unsuitable))",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "iu",
);

const PAGE_ACCOUNT_OR_POINTER = new RegExp(
  [
    // A post's time stamp as the whole line ("Posted 2 years ago on Aug. 27, 2016").
    "(?:posted|published|uploaded|updated) (?:about )?(?:\\d+|an?) (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago",
    // A log-in prompt ("You must log in to continue", "Please enter your user ID and password below").
    "(?:you must|please|you need to) (?:log|sign) ?in to (?:continue|comment|read|view|post)",
    "(?:enter your (?:user ?(?:id|name)|e-?mail(?: address)?)|(?:a|your) user ?(?:id|name)) and password",
    // A help line ("If you need assistance, call us at …"), a share form ("… the person you are
    // recommending the page to …").
    "if you need (?:assistance|help),? (?:please )?(?:call|contact|e-?mail) us",
    "(?:recommending|sharing|sending) (?:the|this) (?:page|article|story) to",
    // A privacy notice ("… to see how we may use your information"), a thank-you for a form ("Thank you
    // for your interest in …"), a pointer to the page's link ("… may be accessed via the link below").
    "how we (?:may )?(?:use|collect|process) your (?:personal )?(?:information|data)",
    "thank you for your interest in",
    "(?:via|at|through|using) the link below",
    // A station's pointer to its reporter's segment ("Jane Roe has the details", "… with the full story").
    "(?:has|have|with) the (?:latest |full )?(?:details|story)(?=[.!]?$)",
    // An upsell ("Upgrade to full digital for only $3 extra per month").
    "upgrade to (?:full |unlimited |premium )?digital",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "iu",
);

/**
 * A subscription's terms, a form's note on the reader's e-mail or a shop's to its buyer, the page
 * speaking to its reader: what a subscription includes or gives access to ("Your print-only subscription
 * does not include access to this section", "Subscribers get unlimited access"), access to the page's
 * own parts ("… access to this content"), the site's promise about an address it asks for ("We do not
 * capture any email address", "Your email address will not be published", "We only request your email
 * address so that …"), a shopping cart or a bid.
 */
const SUBSCRIPTION_NOTICE = new RegExp(
  [
    "subscription (?:does not|doesn['’]t|do not|don['’]t|will not|won['’]t) (?:include|cover|give|provide|allow)",
    "subscribers? (?:get|gets|enjoy|enjoys|have|has) (?:unlimited |full |free |exclusive )?access",
    "(?:full |unlimited |digital )?access to this (?:section|content|article|story|page|feature)",
    "already an? subscriber",
    "subscribe for more",
    // The reader's own subscription ("… add digital access to your print subscription", "start a new
    // subscription").
    "your (?:[\\p{L}-]+ )?subscription",
    "(?:start|renew|manage|activate|cancel) (?:a |your )?(?:new )?subscription",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "iu",
);

/** SUBSCRIPTION_NOTICE's e-mail and shop notes, a pattern of their own for the regex audit to decide. */
const EMAIL_OR_SHOP_NOTICE = new RegExp(
  [
    "we(?:['’]ll| will| do| don['’]t| won['’]t)?(?: not| never| only)? (?:capture|collect|request|ask for|share|sell|store|keep|publish|use) (?:any |your )?e-?mail address(?:es)?",
    "your e-?mail address (?:will|is|would) (?:not|never) be (?:published|shared|sold|displayed|made public)",
    "(?:enter|provide|confirm) your e-?mail address",
    // A shop's or an auction page's notes to its buyer ("… access your items in the shopping cart upon
    // login", "Import charges previously quoted are subject to change if you increase your maximum bid").
    "items in (?:the|your) shopping (?:cart|bag|basket)",
    "your (?:maximum|max) bid",
    "import charges (?:previously quoted|are subject)",
    "you (?:are committing|commit) to buy",
    "by clicking(?: [\\p{L}'’-]+){0,3},? you",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "iu",
);
const READER_PROMPTS = [
  READER_PROMPT_SIGN_UP,
  READER_PROMPT_WIDGET,
  PAGE_ON_ITSELF,
  PAGE_GONE_OR_ADVISORY,
  PAGE_ACCOUNT_OR_POINTER,
  SUBSCRIPTION_NOTICE,
  EMAIL_OR_SHOP_NOTICE,
];

/**
 * A link's, gallery's or video caption's label whose text runs on into the sentence with no stop
 * between ("Related: india's tax dodgers still hiding … the idea is that …", "3 of 222 photos: unrest in
 * syria …", "media caption john pienaar reports on … theresa may and andrea leadsom will battle …", a
 * photo's agency credit "Reuters/Jane Doe u.s. President … ( l ) delivers …", a video's share buttons,
 * a page's "related headlines", "more:" or "archive:" before a linked headline, "photo gallery:", "photograph:", "photo by", "flickr:", "stock chart for",
 * "/ updated by" a byline, "read:" or "also read:" before a linked headline, a post's "posted by" or
 * "updated:" before its time stamp, a photo's "provided by" or "photo courtesy of" credit, a live blog's
 * entry time "5: 12 p.m.: …"):
 * where the label's text ends cannot be told, so the sentence is no clean sentence.
 */
const RUN_ON_LABEL =
  /^(?:media caption|image copyright|image caption|(?:\d+ of \d+ )?photos?:|related:|more:|archive:|related headlines\s|photo gallery:|photograph:|photo by\s|flickr:|stock chart for\s|\/ updated by\s|see also:|read more:|(?:also )?read:|(?:last )?updated\s*:|posted\s*:|published\s*:|posted by\s|(?:[#@]\S+\s+)*an? (?:photo|video) posted by\s|provided by\s|(?:photos?|images?|pictures?|video) courtesy(?: of)?\s|\d{1,2}\s*:\s*\d{2}\s*[ap]\.\s?m\.\s*:\s|play facebook twitter embed|text size - \+ reset|(?:reuters|ap|afp|epa|getty images)\/(?!(?:ipsos|norc|gfk|marist|yougov|harris)\b)\p{L})/iu;

/**
 * Furniture inside a sentence: a live blog's heading, its time zone before the first entry's time ("the
 * latest on the storm ( all times local ): 6 p.m."), an embedded post's footer ("posted by Jane Roe on
 * Monday, June 3, 2019 …", "a photo posted by Jane Roe ( @janeroe ) on …"): the page's, run into the
 * sentence.
 */
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november|december)";
const LIVE_BLOG_OR_EMBED = new RegExp(
  String.raw`\(\s*all times (?:local|\p{L}{2,4})\s*\)|\bposted by\s[^.]{1,60}?\son ${WEEKDAY},? ${MONTH} \d{1,2},? \d{4}\b|\b(?:photo|video) posted by\s[^()]{1,60}\(\s*@[\p{L}\d_.]+\s*\) on\b`,
  "iu",
);

/**
 * Whether a sentence opens on a label whose text runs on into it (RUN_ON_LABEL), once the labels of a
 * known extent are gone (KNOWN_EXTENT: where a point, headline or answer is shown, they are dropped),
 * or is a photo's caption, or holds a live blog's heading or an embedded post's footer
 * (LIVE_BLOG_OR_EMBED): no point, headline or answer.
 */
export function opensOnRunOnLabel(sentence: string): boolean {
  const s = without(sentence, KNOWN_EXTENT);
  return RUN_ON_LABEL.test(s) || isPhotoCaption(s) || LIVE_BLOG_OR_EMBED.test(s);
}

/**
 * A photo's caption: "In this 1966 image made from file television footage, …", "File - in this photo …",
 * a news agency's "FILE - In this Friday, May 2, 2014 photo, …", "In this image released by …, …".
 */
const PHOTO_CAPTION = [
  /^(?:file\s*[-–—]+\s*)?in this (?:[^,.]{0,40}?\s)?(?:file )?(?:photo(?:graph)?|image|picture|footage|frame grab|video still)(?![-\p{L}])/iu,
  /^(?:file\s*[-–—]+\s*)?in this\b[^.;]{0,60}?\b(?:photo|image|picture|video|frame grab)(?:,|\s+(?:made|taken|released|provided|shot|posted|obtained|from|by)\b)/iu,
  // "This undated image released by the agency shows, from left, …", "This 2009 photo provided by … shows …".
  /^(?:file\s*[-–—]+\s*)?this\b[^.;]{0,60}?\b(?:photo(?:graph)?|image|picture|frame grab|video still)s?,?\s+(?:\p{L}+\s+){0,3}?(?:released|provided|made available|taken|obtained|distributed|supplied|issued|posted)\b[^;]{0,160}?\bshow(?:s|n|ing)?\b/iu,
  // The agency's label alone ("FILE - Protesters march …"; not "file-sharing").
  /^file\s*[-–—]\s/iu,
];

/**
 * A news agency's photo caption without "in this photo": a description, then the frame ", [on] <weekday>,
 * <month> <day>, <year>[, in|at <place>]." closing it ("A coast guard boat patrols the waters off the
 * estate, Friday, Nov. 24, 2017, in Palm Beach, Fla.", "… in Millbrook, Monday, June 4, 2018."). The
 * place: a few words, then at most one word more after a comma (a state, "Fla.", a country; not
 * "…, police said."). A sentence of news rarely dates itself with a weekday, a full date and a year in
 * that frame, and never as a description in the present tense: a past, perfect or future verb, or an
 * attribution, in its main clause (before "who", "after", "as" …: "react after they were found", "the
 * house where he was killed") keeps it a sentence ("The trial began on Monday, Nov. 6, 2017, in Dallas.").
 */
const AGENCY_MONTH = String.raw`(?:jan(?:uary|\.)|feb(?:ruary|\.)|march|april|may|june|july|aug(?:ust|\.)|sept?(?:ember|\.)|oct(?:ober|\.)|nov(?:ember|\.)|dec(?:ember|\.))`;
const AGENCY_CAPTION_FRAME = new RegExp(
  String.raw`,\s(?:on\s)?${WEEKDAY},\s${AGENCY_MONTH}\s?\d{1,2},\s\d{4}(?:,?\s(?:in|at|near|outside)\s[^,;:!?"“”()]{1,40}?(?:,\s[\p{L}.]+)?)?\.?["”]?$`,
  "iu",
);
/** Where a description's main clause ends: a relative or subordinate clause, or a participle phrase's "after". */
const SUBORDINATE =
  /\b(?:who|whom|whose|which|that|after|when|as|where|while|since|before|because|until|following|during|amid)\b/iu;
/** A finite verb of the past, perfect or future, or an attribution (a passive "is escorted" is present). */
const NOT_PRESENT =
  /\b(?:was|were|had|has|have|did|will|would|said|says|told|\p{L}{3,}ed|began|became|brought|bought|broke|built|came|caught|chose|drew|drove|fell|felt|flew|fought|found|gave|got|grew|held|hit|knew|led|lost|made|met|paid|ran|rose|sank|saw|sent|shot|sold|spent|spoke|stole|struck|swept|took|threw|tore|went|won|wrote)\b/iu;
const PRESENT_PASSIVE = /\b(?:is|are|being|be|been)\s+(?:\p{L}+ly\s+)?\p{L}{3,}ed\b/giu;

function isAgencyCaption(t: string): boolean {
  const frame = AGENCY_CAPTION_FRAME.exec(t);
  if (!frame) return false;
  const description = t.slice(0, frame.index);
  if (description.split(/\s+/).length < 3) return false;
  const main = description.split(SUBORDINATE)[0] ?? description;
  return !NOT_PRESENT.test(main.replace(PRESENT_PASSIVE, " "));
}

/** Whether a text is a photo's caption (once a page's labels are dropped). */
export function isPhotoCaption(text: string): boolean {
  const t = withoutLeadingPageLabels(text);
  return PHOTO_CAPTION.some((re) => re.test(t)) || isAgencyCaption(t);
}

/**
 * A transcript's speaker label opening a sentence: one word and a colon, the word a personal pronoun in
 * lower case or capitalised ("Him: " we don't do that … "", "me: [ long pause ] …"; not "US: eight
 * gold …", a table's row) or an interview's "Q:" or "A:". Who speaks, and what the line answers, is in
 * the lines around it: no point. (Not any one letter: "O: A Presidential Novel" is a title; not a name in
 * capitals, "KING: …": "LONDON: …" is a dateline.)
 */
const PRONOUN_LABEL = /^(?:[Ii]|[Mm]e|[Yy]ou|[Hh]e|[Hh]im|[Ss]he|[Hh]er|[Ww]e|[Uu]s|[Tt]hey|[Tt]hem):\s/;
const QA_LABEL = /^[QA]:\s/;

/** Whether a sentence opens on a transcript's speaker label (PRONOUN_LABEL, QA_LABEL). */
export function opensOnSpeakerLabel(sentence: string): boolean {
  return PRONOUN_LABEL.test(sentence) || QA_LABEL.test(sentence);
}

/**
 * Whether a sentence is page furniture as a whole (once what `withoutLeadingFurniture` drops is
 * gone): an editor's note or correction about the story, a podcast episode's promo line, a prompt to
 * sign up, subscribe or click. Never an answer.
 */
export function isFurniture(sentence: string): boolean {
  return isNoteOrPrompt(withoutLeadingFurniture(sentence));
}

/**
 * A prompt to download a news site's app: opening the sentence, or after the page's own lead-in
 * ("Download the kxyz app for updates.", "Stay informed: download the kxyz mobile app …"), or "download
 * our app" anywhere. Not a sentence about an app ("Once you download the app on your phone, …").
 */
const APP_PROMPT =
  /^(?:[^.:]{0,60}:\s*)?(?:click(?:\/tap)? here to )?download the (?:free )?(?:[\p{L}\d&'’-]+\s+){0,4}?(?:mobile )?app\b|\bdownload our (?:free )?(?:mobile )?apps?\b/iu;

/** `isFurniture` for a sentence the index has already cleaned (src/search/index.ts): no labels left to drop. */
export function isNoteOrPrompt(sentence: string): boolean {
  return (
    NOTE_OPENER.test(sentence) || READER_PROMPTS.some((re) => re.test(sentence)) || APP_PROMPT.test(sentence)
  );
}

/**
 * Words of the web's own machinery — a page's capture by a crawler or a web archive, its address, its
 * browser settings ("Focused crawls are collections of frequently-updated webcrawl data …", "… donating
 * their crawl data to the internet archive", "these data are added to the wayback machine …", "please
 * enable javascript in your browser"): what a page archived or served says about itself, not news.
 * Words that are also the news's ("domain", "archive", "cookies") only in the web's own phrases.
 */
const WEB_MACHINERY = new RegExp(
  [
    "web ?crawl(?:s|ers?|ing|ed)?",
    "crawl(?:s|ers?|ing|ed)?",
    "seed ?lists?",
    "sub-?domains?",
    "inter-?domain",
    "urls?",
    "web ?pages?",
    "(?:archived?|cached|saved) (?:web ?)?pages?",
    "web archives?",
    // What an archive holds of a page: "web captures of the site", "a set of web collections".
    "web (?:captures?|collections?|snapshots?)",
    "internet archive",
    "wayback machine",
    "javascript",
    "(?:your|this|the|a|web) browsers?",
    "(?:use|uses|accept|enable|allow) cookies",
    "cookie (?:policy|settings|preferences)",
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "giu",
);

/** How many words of the web's machinery (WEB_MACHINERY) a sentence holds. */
export function webMachineryTerms(sentence: string): number {
  return sentence.match(WEB_MACHINERY)?.length ?? 0;
}

/**
 * Whether a story's points are the page's own text, not news: each is furniture (`isFurniture`) or
 * names the web's machinery, and together (furniture aside) they name it at least three times ("Focused
 * crawls are … webcrawl data from … web crawls, often focused on a single domain or subdomain"). A news
 * story about a crawler or a web archive names it once or twice among points that don't.
 */
export function isPageText(points: readonly string[]): boolean {
  if (points.length === 0) return false;
  let terms = 0;
  let furniture = 0;
  for (const p of points) {
    if (isFurniture(p)) {
      furniture++;
      continue;
    }
    const n = webMachineryTerms(p);
    if (n === 0) return false;
    terms += n;
  }
  return furniture === points.length || terms >= 3;
}
