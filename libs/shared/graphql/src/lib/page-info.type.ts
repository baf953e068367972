import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Where a page of a connection sits in the whole list (Relay cursor connections). To read on, pass endCursor ' +
    'as `after` while hasNextPage is true',
})
export class PageInfo {
  @Field({ description: 'True when nodes follow this page: ask again with `after: endCursor`' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked for with `after` (nodes come before it)' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null when it is empty' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge of this page, to pass as `after`; null when it is empty',
  })
  endCursor!: string | null;
}
