export * from './partner.fixture';
