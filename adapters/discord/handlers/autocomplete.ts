/**
 * Option autocomplete: topics the corpus covers (`topic:`, and the last item of `topics:`), timezones,
 * and this server's digest ids. Always answers (an empty list when something fails).
 */
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOptionChoice,
  InteractionResponseType,
} from "discord.js";
import { suggestSubscriptions } from "../../../usecases/suggestSubscriptions.ts";
import { suggestTimezones } from "../../../usecases/suggestTimezones.ts";
import { suggestTopicList, suggestTopics } from "../../../usecases/suggestTopics.ts";
import { discordScope, focusedOption, type Handler, type InteractionContext } from "../context.ts";
import { LIMITS } from "../limits.ts";
import { truncate } from "../render.ts";

type Choice = APIApplicationCommandOptionChoice<string>;

function choice(name: string, value: string): Choice {
  return { name: truncate(name, LIMITS.choiceName), value: value.slice(0, LIMITS.choiceValue) };
}

async function choices(
  i: APIApplicationCommandAutocompleteInteraction,
  ctx: InteractionContext,
): Promise<Choice[]> {
  const focused = focusedOption(i);
  if (!focused) return [];
  const limit = LIMITS.autocompleteChoices;
  switch (focused.name) {
    case "topic":
      return suggestTopics({ prefix: focused.value, limit }, ctx).map((t) => choice(t, t));
    case "topics":
      return suggestTopicList({ typed: focused.value, limit, maxLength: LIMITS.choiceValue }, ctx).map((v) =>
        choice(v, v),
      );
    case "timezone":
      return suggestTimezones({ typed: focused.value, limit }).map((z) => choice(z, z));
    case "id":
      if (!i.guild_id) return [];
      return (await suggestSubscriptions({ typed: focused.value, limit }, discordScope(i), ctx)).map((s) =>
        choice(s.label, s.id),
      );
    default:
      return [];
  }
}

export const autocomplete: Handler<APIApplicationCommandAutocompleteInteraction> = async (
  i,
  respond,
  ctx,
) => {
  let found: Choice[] = [];
  try {
    found = await choices(i, ctx);
  } catch (err) {
    ctx.logger.warn({ err }, "discord autocomplete failed");
  }
  await respond({
    type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    data: { choices: found },
  });
};
