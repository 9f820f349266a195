import type { Queryable } from '../types.js';
import { paymentsRepository, type PaymentsRepository } from './payments.js';
import { questionsRepository, type QuestionsRepository } from './questions.js';
import {
  questionEventsRepository,
  reportEventsRepository,
  type QuestionEventsRepository,
  type ReportEventsRepository,
} from './report-events.js';
import { reportsRepository, type ReportsRepository } from './reports.js';
import { sessionsRepository, type SessionsRepository } from './sessions.js';
import { stripeEventsRepository, type StripeEventsRepository } from './stripe-events.js';
import { usersRepository, type UsersRepository } from './users.js';

/** Every repository, over one database or one open transaction. */
export interface Repositories {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly reports: ReportsRepository;
  readonly reportEvents: ReportEventsRepository;
  /** Follow-up questions on reports (migration 006). */
  readonly questions: QuestionsRepository;
  readonly questionEvents: QuestionEventsRepository;
  readonly payments: PaymentsRepository;
  readonly stripeEvents: StripeEventsRepository;
}

/** The repositories over `q`: the database, or the `tx` of `database.transaction` to group their calls. */
export function createRepositories(q: Queryable): Repositories {
  return {
    users: usersRepository(q),
    sessions: sessionsRepository(q),
    reports: reportsRepository(q),
    reportEvents: reportEventsRepository(q),
    questions: questionsRepository(q),
    questionEvents: questionEventsRepository(q),
    payments: paymentsRepository(q),
    stripeEvents: stripeEventsRepository(q),
  };
}
