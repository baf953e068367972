import { Field, InputType } from '@nestjs/graphql';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { IsOptional, IsString } from 'class-validator';
import { DateTimeScalar } from './date-time.scalar';
import { InputValidationError } from './input-validation.error';
import { PositionScalar } from './position.scalar';

@InputType({ description: 'A point of the history: an instant, or a position of the event store (give one)' })
export class AsOfInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Every event that occurred at or before this instant' })
  @IsOptional()
  @IsString()
  time?: string | null;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Every event at or before this position (a mutation answer gives the position of its write)',
  })
  @IsOptional()
  position?: bigint | null;
}

/**
 * Which events of a stream a point of the history includes: those at or before the position, or
 * that occurred at or before the instant. Refuses a point given both ways or not at all.
 */
export function eventsUpTo(at: AsOfInput): (event: RecordedEvent) => boolean {
  if ((at.time == null) === (at.position == null))
    throw new InputValidationError([{ field: 'at', message: 'give either time or position' }]);
  if (at.position != null) {
    const position = at.position;
    return (event) => event.position <= position;
  }
  const time = Date.parse(at.time ?? '');
  return (event) => Date.parse(event.metadata.occurredAt) <= time;
}
