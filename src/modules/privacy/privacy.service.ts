import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { PrivacyRepository } from './privacy.repository';
import { TABLE_SECTIONS, TableSection } from './privacy.sections';

/** A section computed by another module (for data that is not simply the rows of one table). */
export interface ComputedSection {
  name: string;
  collect(userId: string, em: EntityManager): Promise<unknown>;
}

/**
 * Everything stored about a user (GET /api/users/me/export/) and its erasure (/deletemydata). The export is built
 * from sections: the tables of privacy.sections.ts (a module with a new table adds one line there) plus any
 * computed section a module adds at start with `privacy.addSection(…)`.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);
  private readonly computed: ComputedSection[] = [];

  constructor(private readonly repo: PrivacyRepository) {}

  addSection(section: ComputedSection): void {
    if (this.sectionNames().includes(section.name)) throw new Error(`Duplicate personal data section: ${section.name}`);
    this.computed.push(section);
  }

  sectionNames(): string[] {
    return ['user', ...TABLE_SECTIONS.map((s: TableSection) => s.name), ...this.computed.map((s) => s.name)];
  }

  async exportAll(userId: string, now = new Date()): Promise<Record<string, unknown>> {
    return this.repo.snapshot(async (em) => {
      const user = await this.repo.profile(userId, em);
      if (!user) throw DomainError.notFound();
      const out: Record<string, unknown> = { exported_at: now.toISOString(), user };
      for (const s of TABLE_SECTIONS) out[s.name] = await this.repo.section(userId, s, em);
      for (const s of this.computed) out[s.name] = await s.collect(userId, em);
      return out;
    });
  }

  /** Erases the user and everything that references them. */
  async eraseUser(userId: string): Promise<boolean> {
    const deleted = await this.repo.deleteUser(userId);
    if (deleted) this.logger.log(`Данные пользователя удалены по его просьбе: user_id=${userId}`);
    return deleted;
  }
}
