/**
 * The verb a question asks with (`askedVerb`, which retrieval does not count among the words the
 * articles lack): read with the tagger as the "don't say" clause is (tests/core/dontSayShapes.test.ts),
 * after the auxiliary and the whole subject. Made-up questions, no article's wording: subjects with a
 * possessive, a preposition's phrase, a relative clause, a name with lower-case words, a noun the
 * tagger reads as a verb; passives, progressives, modals and perfects; null where the question word is
 * the subject or no verb follows the subject.
 */
import { describe, expect, it } from "vitest";
import { askedVerb } from "../../src/engine/questions.ts";

const VERBS: [question: string, verb: string | null][] = [
  ["How much did the cipher machine sell for?", "sell"],
  ["Where was the painting found?", "found"],
  ["What did the dockers' strike end with?", "end"],
  ["When did the frost quake happen?", "happen"],
  ["How much does the student seek in damages?", "seek"],
  ["Where did the oak fall?", "fall"],
  ["Why did the talks in Quarvel collapse?", "collapse"],
  ["When did the prices of oil fall?", "fall"],
  ["How many people did the flood in the valley kill?", "kill"],
  ["What did the mayor of New Amsterdam say about the fire?", "say"],
  ["Where did the Duke of Edinburgh Award scheme begin?", "begin"],
  ["When did the Bank of the West open its first branch?", "open"],
  ["Why was the Tour de France stage cancelled?", "cancelled"],
  ["Where was the man who robbed the bank arrested?", "arrested"],
  ["When was the woman who found the ring born?", "born"],
  ["Which hospital was the injured climber taken to?", "taken"],
  ["How much was the rare stamp sold for?", "sold"],
  ["What was the new ferry named?", "named"],
  ["How many votes did the Party for the Animals win?", "win"],
  ["Why did the city's oldest bakery close?", "close"],
  ["When did the bank rate rise?", "rise"],
  ["What did the new law change?", "change"],
  ["How long did the ride sharing trial last?", "last"],
  ["What is the council doing about the potholes?", "doing"],
  ["Where are the refugees going?", "going"],
  ["How much will the new bridge cost?", "cost"],
  ["When can residents return home?", "return"],
  ["How long has the strike lasted?", "lasted"],
  ["Where will the summit take place?", "take"],
  ["When will the cup match kick off?", "kick"],
  ["What time did the harvest fair close?", "close"],
  ["Who won the best director award?", null],
  ["What is the capital of Peru?", null],
  ["How old is the chapel?", null],
  ["Who was arrested after the fire?", null],
  ["Which team scored the winning goal?", null],
  ["What was wrong with the old bridge?", null],
  ["Where did van der Berg grow up?", "grow"],
  ["When did the ferry sink", "sink"],
  ["Where did Leonardo da Vinci paint the fresco?", "paint"],
  ["When did the Duchess of York's charity close?", "close"],
  ["Where was the stolen van of the bakery found?", "found"],
  ["How many goals has the club scored this season?", "scored"],
  ["What did the Lord of the Isles ferry carry?", "carry"],
  ["Why did the bus drivers strike end?", "end"],
  ["How much did the mayor's new car cost?", "cost"],
  ["When was the bridge over the river Quarn built?", "built"],
  ["Who did the police arrest?", "arrest"],
  ["What did the storm do to the harbour?", "do"],
  // A verb before another's form is no noun of the subject.
  ["Which club did Ann Moor get called up by?", "get"],
  ["How much will the council begin paying the builders?", "begin"],
  ["How much did the fans help raise?", "help"],
];

describe("askedVerb: the verb after a question's auxiliary and subject", () => {
  it.each(VERBS)("%s → %s", (question, verb) => {
    expect(askedVerb(question)).toBe(verb);
  });
});
