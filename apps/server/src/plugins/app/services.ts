import fp from 'fastify-plugin';
import type { AppConfig } from '@uksmr/config';
import { createRepositories, type Repositories } from '@uksmr/database';
import type { AppServices } from '../../services.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The loaded, frozen configuration. */
    readonly config: AppConfig;
    /** The running services the app was built with. */
    readonly services: AppServices;
    /** Repositories over the app's database. */
    readonly repos: Repositories;
    /** "Now" (the injected clock in tests). */
    now(): Date;
  }
}

/** Options of the services plugin. */
export interface ServicesPluginOptions {
  readonly config: AppConfig;
  readonly services: AppServices;
}

/** Decorates the app with its config, services and repositories. The database is closed by its owner. */
export default fp<ServicesPluginOptions>(
  (app, { config, services }, done) => {
    app.decorate('config', config);
    app.decorate('services', services);
    app.decorate('repos', createRepositories(services.database));
    app.decorate('now', services.clock ?? (() => new Date()));
    done();
  },
  { name: 'services' },
);
