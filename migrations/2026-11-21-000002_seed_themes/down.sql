DELETE FROM themes WHERE slug IN (
  'green-production', 'start-ups-and-social-economy', 'construction-housing-urban-management',
  'smart-tourism', 'green-mobility', 'e-government', 'citizen-participation',
  'health-and-well-being', 'safety-and-security', 'education-and-reskilling',
  'waste-and-circular-economy', 'renewable-energy-and-energy-efficiency', 'water-management',
  'natural-resources', 'sustainable-food-systems', 'climate-resilience-and-disaster-management',
  'integrated-energy-and-mobility-services', 'waste-to-circular-economy');
