export { LruCache, type ResultCache } from "./cache.ts";
export { DEFAULT_RETRY, type FailureKind, failureKind, type RetryPolicy } from "./call.ts";
export {
  createLlmEngine,
  type LlmEngineDeps,
  type LlmLogger,
  type LlmOutcome,
  type LlmResult,
} from "./engine.ts";
export { hasMention, neutraliseMentions } from "./mentions.ts";
export { loadPrompts, type Prompt, PromptFileError, type Prompts } from "./prompts.ts";
export { DEFAULT_RULE, type VerifyRule, verifyCited } from "./verify.ts";
