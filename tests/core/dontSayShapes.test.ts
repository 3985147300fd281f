/**
 * "The articles don't say …": a question turned into an embedded clause, for every common shape of
 * English question. Made-up questions (no article's wording); each row is the question and the clause
 * expected after "The articles don't say". Shapes: a wh-phrase as the subject, a copula before a
 * predicate noun or adjective, passives, progressives, modals, do-support in every tense (irregular and
 * phrasal verbs), subjects with a relative clause, a preposition's phrase or a possessive, "how
 * many/much" as subject and as object, "which + noun", yes/no, trailing adjuncts, "else"/"exactly",
 * contractions, no question mark, two sentences.
 */
import { describe, expect, it } from "vitest";
import { dontSay } from "../../src/engine/answer.ts";
import { embeddedQuestion } from "../../src/engine/questions.ts";

const SHAPES: [question: string, clause: string][] = [
  // A wh-phrase as the subject: the order stays.
  ["Who won the best director award?", "who won the best director award"],
  ["What happened at the harbour on Sunday?", "what happened at the harbour on Sunday"],
  ["What was wrong with the old bridge?", "what was wrong with the old bridge"],
  ["What is missing from the new budget?", "what is missing from the new budget"],
  ["Who was arrested after the fire?", "who was arrested after the fire"],
  ["Which team scored the winning goal?", "which team scored the winning goal"],
  ["What caused the power cut?", "what caused the power cut"],
  ["Who is leading the rescue effort?", "who is leading the rescue effort"],
  ["Whose car was stolen from the garage?", "whose car was stolen from the garage"],
  // A copula before a predicate noun or adjective: the verb goes after the whole subject.
  ["What is the name of the new ferry?", "what the name of the new ferry is"],
  ["Who is the mayor of Riverton?", "who the mayor of Riverton is"],
  ["How old was the pilot who crashed?", "how old the pilot who crashed was"],
  ["How old is the boy who was rescued from the well?", "how old the boy who was rescued from the well is"],
  ["How tall is the new tower in Quarvel?", "how tall the new tower in Quarvel is"],
  ["What was the cause of the fire?", "what the cause of the fire was"],
  ["How big is the fine?", "how big the fine is"],
  ["Who was the officer who died?", "who the officer who died was"],
  ["What was the rarest coin stolen?", "what the rarest coin stolen was"],
  ["What was wrong with the goalkeeper's knee?", "what was wrong with the goalkeeper's knee"],
  // Passives.
  ["Where was the surgery performed?", "where the surgery was performed"],
  ["Where was the surgery done?", "where the surgery was done"],
  ["When was the suspect arrested?", "when the suspect was arrested"],
  ["Why was the concert cancelled?", "why the concert was cancelled"],
  ["Where were the stolen paintings found?", "where the stolen paintings were found"],
  ["How was the vaccine tested?", "how the vaccine was tested"],
  ["What was the new bridge named?", "what the new bridge was named"],
  ["Where was the mayor's son born?", "where the mayor's son was born"],
  ["Where was the driver who fled found?", "where the driver who fled was found"],
  ["Which hospital was the driver taken to?", "which hospital the driver was taken to"],
  // Progressives.
  ["What is the council doing about the potholes?", "what the council is doing about the potholes"],
  ["Where are the refugees going?", "where the refugees are going"],
  // Modals and perfects.
  ["What will the new law change?", "what the new law will change"],
  ["When can residents return home?", "when residents can return home"],
  ["How much would the tunnel cost?", "how much the tunnel would cost"],
  ["Who should pay for the repairs?", "who should pay for the repairs"],
  ["Which country will host the next games?", "which country will host the next games"],
  ["How long has the strike lasted?", "how long the strike has lasted"],
  // Do-support, every tense; irregular and phrasal verbs.
  ["What did the minister say about the strike?", "what the minister said about the strike"],
  ["Where does the company make its engines?", "where the company makes its engines"],
  ["Why do farmers oppose the plan?", "why farmers oppose the plan"],
  ["When did the ferry sink?", "when the ferry sank"],
  ["How did the prisoners escape?", "how the prisoners escaped"],
  ["What did the thieves take from the museum?", "what the thieves took from the museum"],
  ["When did the mayor step down?", "when the mayor stepped down"],
  ["Why did the talks break down?", "why the talks broke down"],
  ["Who did the party choose as its leader?", "who the party chose as its leader"],
  ["What does the report find?", "what the report finds"],
  ["How much did the festival bring in?", "how much the festival brought in"],
  ["What did the storm do to the harbour?", "what the storm did to the harbour"],
  ["What did the new stadium look like?", "what the new stadium looked like"],
  // Subjects with a relative clause, a preposition's phrase, a possessive.
  ["Where did the woman who found the ring live?", "where the woman who found the ring lived"],
  ["When did the president of the club resign?", "when the president of the club resigned"],
  ["How long is the report she wrote?", "how long the report she wrote is"],
  ["Why did the city's oldest bakery close?", "why the city's oldest bakery closed"],
  // "How many/much + noun" as subject and as object; "which + noun".
  ["How many votes did the winner get?", "how many votes the winner got"],
  ["How much money was raised for the shelter?", "how much money was raised for the shelter"],
  ["How many homes were damaged by the storm?", "how many homes were damaged by the storm"],
  ["How many people does the stadium hold?", "how many people the stadium holds"],
  ["How many people died in the flood?", "how many people died in the flood"],
  ["How many nuclear weapons does the country have?", "how many nuclear weapons the country has"],
  ["How many days in jail was the driver sentenced to?", "how many days in jail the driver was sentenced to"],
  ["How many people in the town have died?", "how many people in the town have died"],
  ["Which company did the council hire?", "which company the council hired"],
  ["Whose house did the storm destroy?", "whose house the storm destroyed"],
  ["What charges does the suspect face?", "what charges the suspect faces"],
  // Yes/no → whether.
  ["Did the mayor resign?", "whether the mayor resigned"],
  ["Is the bridge safe?", "whether the bridge is safe"],
  ["Has the ship left the port?", "whether the ship has left the port"],
  ["Was the driver injured?", "whether the driver was injured"],
  ["Will the school reopen next week?", "whether the school will reopen next week"],
  ["Are the roads open again?", "whether the roads are open again"],
  ["Does the plan include new homes?", "whether the plan includes new homes"],
  ["Can visitors still enter the park?", "whether visitors can still enter the park"],
  ["Was the man who was arrested released?", "whether the man who was arrested was released"],
  // A trailing time or place.
  ["Where was the suspect seen last night?", "where the suspect was seen last night"],
  ["What did the governor announce on Tuesday?", "what the governor announced on Tuesday"],
  ["Who was the top scorer in the league last season?", "who the top scorer in the league last season was"],
  // "else", "exactly".
  ["What else did the police find?", "what else the police found"],
  ["Who else was hurt in the crash?", "who else was hurt in the crash"],
  ["What exactly did the court decide?", "what exactly the court decided"],
  ["When exactly will the bridge reopen?", "when exactly the bridge will reopen"],
  // Contractions.
  ["What's the name of the new ferry?", "what the name of the new ferry is"],
  ["Who's the new head coach?", "who the new head coach is"],
  ["Where'd the money go?", "where the money went"],
  ["What's wrong with the old bridge?", "what is wrong with the old bridge"],
  ["Who's running for mayor?", "who is running for mayor"],
  ["What's happening in the harbour?", "what is happening in the harbour"],
  // Negatives; "there"; a preposition left at the end; a place after "is".
  ["Why didn't the mayor resign?", "why the mayor didn't resign"],
  ["Why isn't the bridge open?", "why the bridge isn't open"],
  ["Why won't the council act?", "why the council won't act"],
  ["How many people are there in the village?", "how many people there are in the village"],
  ["What is Quarvel famous for?", "what Quarvel is famous for"],
  ["Where is the new mayor from?", "where the new mayor is from"],
  ["Where is the woman who rescued the dog from?", "where the woman who rescued the dog is from"],
  ["Where did ride sharing begin in Quarvel?", "where ride sharing began in Quarvel"],
  ["Where was the sit-in staged?", "where the sit-in was staged"],
  ["Is the mayor in Paris?", "whether the mayor is in Paris"],
  // A noun of the subject the tagger reads as a verb or adverb; a name with lower-case words.
  ["When will the cup match kick off?", "when the cup match will kick off"],
  ["How long did the ride sharing trial last?", "how long the ride sharing trial lasted"],
  ["What time did the harvest fair close?", "what time the harvest fair closed"],
  ["Where did Leonardo da Vinci paint the fresco?", "where Leonardo da Vinci painted the fresco"],
  // No question mark; two sentences.
  ["when did the ferry sink", "when the ferry sank"],
  ["How old was the pilot", "how old the pilot was"],
  ["The mayor quit last week. Why?", "why the mayor quit last week"],
  ["The ferry sank on Sunday. Why did it sink?", "why it sank"],
  // A preposition before the wh-phrase, then a modal; an approximation before the amount asked.
  ["In which month will the festival open?", "in which month the festival will open"],
  ["On which day can residents vote?", "on which day residents can vote"],
  [
    "Around what percentage of the town's homes lack clean water?",
    "what percentage of the town's homes lack clean water",
  ],
  ["Approximately how many people were arrested in Velmar?", "how many people were arrested in Velmar"],
  ["Roughly how much did the bridge cost?", "how much the bridge cost"],
  // A subject opening on a noun of or from the wh-phrase: the wh-phrase as its possessor.
  ["The mayor of which city resigned on Monday?", "which city's mayor resigned on Monday"],
  ["Fans of which team stormed the pitch?", "which team's fans stormed the pitch"],
  ["Engineers from which firm designed the new bridge?", "which firm's engineers designed the new bridge"],
];

describe("don't say: a question of each common shape as an embedded clause", () => {
  it.each(SHAPES)("%s", (question, clause) => {
    expect(embeddedQuestion(question)).toBe(clause);
  });

  it("says it in the reply", () => {
    expect(dontSay("Where was the surgery done?")).toBe("The articles don't say where the surgery was done.");
  });
});
