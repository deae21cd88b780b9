"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { RadioGroup, SelectField } from "@/components/ui/choice-fields";
import { useFormPost, useNoValidate, useRefusal } from "@/components/ui/use-form-post";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";
import { TOPIC_CHOICES } from "@/lib/content/constants";
import { QUIZ_LENGTHS } from "@/lib/questions/lengths";
import { api } from "@/lib/classroom/paths";
import type { CreateSessionFormValues, CreateSessionInput } from "@/lib/classroom/requests";
import { DUE_IN_HOURS, SESSION_MODES, TEAM_COUNTS, TIMER_CHOICES, type DueInHours, type SessionMode, type Scoring, type TeamAssignment, type TeamRule, type TimerChoice } from "@/lib/classroom/settings";

const createCheck = lazySchemaResolver(() => import("@/lib/classroom/requests").then((module) => module.createSessionSchema));

const MODES: Record<SessionMode, string> = {
  live: "Live, in class: you move the class from question to question on the projector",
  homework: "Homework: each student at their own pace, until a deadline",
};
const SCORING: Record<Scoring, string> = {
  accuracy: "Accuracy only (the default): one point per right answer, however long it took",
  speed: "Speed bonus, only if you turn it on: 500 to 1,000 points per right answer, more for faster ones",
};
const TEAM_ASSIGNMENT: Record<TeamAssignment, string> = {
  balanced: "The site puts each student in the smallest team",
  choice: "Each student chooses a team when joining",
};
const TEAM_RULE: Record<TeamRule, string> = {
  first: "First answer: one shared phone per team, the team's first answer counts",
  average: "Average: a phone each, the team scores its members' average points",
};
const teamsLabel = (count: number) => (count === 0 ? "No teams: everyone plays for themselves" : `${count} teams`);
const timerLabel = (seconds: TimerChoice) => (seconds === 0 ? "No timer: you close each question" : `${seconds} seconds`);
const dueLabel = (hours: DueInHours) =>
  hours === 1 ? "In 1 hour" : hours < 168 ? `In ${hours / 24} day${hours === 24 ? "" : "s"}` : `In ${hours / 168} week${hours === 168 ? "" : "s"}`;

const DEFAULTS: Required<{ [Field in keyof CreateSessionFormValues]: string }> = {
  mode: "live",
  length: "10",
  topic: "",
  timer: "20",
  scoring: "accuracy",
  dueInHours: "24",
  teams: "0",
  teamAssignment: "balanced",
  teamRule: "first",
};
/** A refused plain post comes back with the teacher's choices, to be chosen again. */
const ECHO = Object.keys(DEFAULTS);

/**
 * Setting up a session. Posts as a plain form without JavaScript (the
 * server answers with the projector page); with it, validates with the
 * route's schema and goes there itself.
 */
export function CreateSessionForm() {
  const router = useRouter();
  const refusal = useRefusal(ECHO);
  const defaults = { ...DEFAULTS, ...refusal?.values };
  const form = useForm<CreateSessionFormValues, unknown, CreateSessionInput>({
    resolver: createCheck.resolver,
    defaultValues: { ...defaults, mode: SESSION_MODES.find((mode) => mode === defaults.mode) },
  });
  const { register, formState } = form;
  const submission = useFormPost({ refusal, validating: formState.isSubmitting });
  const onSubmit = form.handleSubmit((values) => submission.post<{ href: string }>(api.sessions, values, (data) => router.push(data.href)));
  const noValidate = useNoValidate();

  const problems = Object.values(formState.errors).map((problem) => problem?.message);
  return (
    <form method="post" action={api.sessions} onSubmit={onSubmit} noValidate={noValidate} {...createCheck.preloadOn}>
      <RadioGroup legend="How will the class play?" field={register("mode")} initial={defaults.mode} options={(Object.keys(MODES) as SessionMode[]).map((value) => ({ value, label: MODES[value] }))} />
      <RadioGroup legend="How many questions?" field={register("length")} initial={defaults.length} options={QUIZ_LENGTHS.map((value) => ({ value, label: `${value} questions` }))} />
      <SelectField label="Topic (optional)" field={register("topic")} initial={defaults.topic} options={TOPIC_CHOICES} />
      <h2>For a live session</h2>
      <SelectField label="Time per question" field={register("timer")} initial={defaults.timer} options={TIMER_CHOICES.map((value) => ({ value, label: timerLabel(value) }))} />
      <RadioGroup legend="Scoring" field={register("scoring")} initial={defaults.scoring} options={(Object.keys(SCORING) as Scoring[]).map((value) => ({ value, label: SCORING[value] }))} />
      <SelectField label="Teams" field={register("teams")} initial={defaults.teams} options={TEAM_COUNTS.map((value) => ({ value, label: teamsLabel(value) }))} />
      <RadioGroup legend="How students get a team" field={register("teamAssignment")} initial={defaults.teamAssignment} options={(Object.keys(TEAM_ASSIGNMENT) as TeamAssignment[]).map((value) => ({ value, label: TEAM_ASSIGNMENT[value] }))} />
      <RadioGroup legend="Whose answer scores for a team" field={register("teamRule")} initial={defaults.teamRule} options={(Object.keys(TEAM_RULE) as TeamRule[]).map((value) => ({ value, label: TEAM_RULE[value] }))} />
      <h2>For homework</h2>
      <SelectField label="Due" field={register("dueInHours")} initial={defaults.dueInHours} options={DUE_IN_HOURS.map((value) => ({ value, label: dueLabel(value) }))} />
      <p className="meta">Homework is scored on accuracy, without a timer: students see the answer after each question.</p>
      <p role="alert" className="form-error">
        {submission.error ?? problems.find(Boolean)}
      </p>
      <button type="submit" className="button" disabled={submission.busy}>
        {submission.busy ? "Setting up…" : "Create the session"}
      </button>
    </form>
  );
}
