/** GraphQL type → the type exported by src/mappers.ts that resolvers receive as parent. */
export const mappers: Record<string, string> = {
  Tenant: 'TenantRef',
  Simulation: 'SimulationEntity',
  SimulationConnection: 'SimulationConnectionData',
  SimulationVariable: 'SimulationVariableData',
  SimulationResult: 'SimulationResultData',
  SimulationProgress: 'SimulationProgressData',
  UniformDistribution: 'UniformDistributionData',
  NormalDistribution: 'NormalDistributionData',
  TriangularDistribution: 'TriangularDistributionData',
  LognormalDistribution: 'LognormalDistributionData',
};
