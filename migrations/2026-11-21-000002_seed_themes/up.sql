-- The 16 Intelligent Cities Challenge tracks and the two CLIMABOROUGH themes.
-- Slugs are part of the API (filters, links): never rename them.
INSERT INTO themes (slug, name, description) VALUES
  ('green-production', 'Green production', 'Intelligent Cities Challenge track: greener, more resource-efficient local industry and production.'),
  ('start-ups-and-social-economy', 'Start-ups and social economy', 'Intelligent Cities Challenge track: entrepreneurship, start-up ecosystems and the social economy.'),
  ('construction-housing-urban-management', 'Construction, housing and urban management', 'Intelligent Cities Challenge track: sustainable construction, housing and the management of the built environment.'),
  ('smart-tourism', 'Smart tourism', 'Intelligent Cities Challenge track: sustainable, accessible and digital tourism.'),
  ('green-mobility', 'Green mobility', 'Intelligent Cities Challenge track: clean, shared and active mobility.'),
  ('e-government', 'E-government', 'Intelligent Cities Challenge track: digital public services and open data.'),
  ('citizen-participation', 'Citizen participation', 'Intelligent Cities Challenge track: involving residents and stakeholders in decisions.'),
  ('health-and-well-being', 'Health and well-being', 'Intelligent Cities Challenge track: health services, ageing and quality of life.'),
  ('safety-and-security', 'Safety and security', 'Intelligent Cities Challenge track: public safety and secure infrastructure.'),
  ('education-and-reskilling', 'Education and reskilling', 'Intelligent Cities Challenge track: skills for the green and digital transition.'),
  ('waste-and-circular-economy', 'Waste and circular economy', 'Intelligent Cities Challenge track: waste prevention, reuse, recycling and circular business.'),
  ('renewable-energy-and-energy-efficiency', 'Renewable energy and energy efficiency', 'Intelligent Cities Challenge track: local renewables and efficient buildings and networks.'),
  ('water-management', 'Water management', 'Intelligent Cities Challenge track: water supply, quality, reuse and flood control.'),
  ('natural-resources', 'Natural resources', 'Intelligent Cities Challenge track: biodiversity, green infrastructure and land use.'),
  ('sustainable-food-systems', 'Sustainable food systems', 'Intelligent Cities Challenge track: local, healthy and low-impact food chains.'),
  ('climate-resilience-and-disaster-management', 'Climate resilience and disaster management', 'Intelligent Cities Challenge track: adaptation to climate change and disaster preparedness.'),
  ('integrated-energy-and-mobility-services', 'Integrated energy and mobility services', 'CLIMABOROUGH theme: combined energy and mobility services on the path to climate neutrality.'),
  ('waste-to-circular-economy', 'Waste to circular economy', 'CLIMABOROUGH theme: turning waste streams into circular-economy resources.');
